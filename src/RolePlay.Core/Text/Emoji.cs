using System.Text.RegularExpressions;

namespace RolePlay.Core.Text;

/// <summary>Emoji in text: the symbols block and the pictographs beyond the basic plane (as UTF-16 pairs).</summary>
public static partial class Emoji
{
    public static bool In(string text) => Pattern().IsMatch(text);

    [GeneratedRegex(@"[\u2600-\u27BF]|\uD83C[\uDF00-\uDFFF]|\uD83D[\uDC00-\uDEFF]|\uD83E[\uDD00-\uDEFF]", RegexOptions.None, 1000)]
    private static partial Regex Pattern();
}
