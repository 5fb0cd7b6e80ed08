using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RolePlay.Core.Practice;

/// <summary>Writes a reply's bursts in a <see cref="Manner"/>. Only letters' case, punctuation and a persona's own
/// words of relief change: every word and number of the line stays, so what the customer tells is never lost.</summary>
internal static partial class MannerStyle
{
    /// <summary>Words a raised voice leans on; without one the longest word takes the capitals.</summary>
    private static readonly HashSet<string> Stressed = new(StringComparer.OrdinalIgnoreCase)
    {
        "not", "no", "never", "nothing", "still", "now", "again", "already", "always", "every", "need", "needs",
        "can't", "cannot", "won't", "don't", "didn't", "isn't", "doesn't", "haven't", "wasn't", "same", "wrong",
        "asked", "told", "listen", "today", "urgent", "manager", "someone", "senior", "supervisor", "real", "please",
    };

    /// <param name="pick">The seed's choice, for which stressed word takes the capitals.</param>
    /// <param name="relief">Words of relief to put first in a warm reply; none leaves it as it is (a model voice
    /// was asked to write them itself).</param>
    /// <param name="trailsOff">A quiet reply starts "..." only when the one before it was not quiet too: every line
    /// trailing off reads as a tic, not a person.</param>
    public static IReadOnlyList<string> Apply(IReadOnlyList<string> bursts, Manner manner, int pick, string? relief, bool trailsOff)
    {
        var styled = new List<string>(bursts.Count);
        for (var i = 0; i < bursts.Count; i++)
        {
            var burst = bursts[i];
            var last = i == bursts.Count - 1;
            styled.Add(burst.Length == 0 ? burst : manner switch
            {
                Manner.Terse => Terse(burst),
                Manner.Raised when last => Raised(burst, pick),
                Manner.Quiet => Quiet(burst, first: i == 0 && trailsOff, last),
                Manner.Warm when i == 0 && relief is not null => $"{relief} {burst}",
                _ => burst,
            });
        }

        return styled;
    }

    /// <summary>Lowercase (a word with a digit, like an order reference, stays as written), no commas or exclamation
    /// marks, no full stop at the end.</summary>
    private static string Terse(string burst)
    {
        var text = new StringBuilder(burst.Length);
        foreach (var word in burst.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var plain = word.Replace(",", "", StringComparison.Ordinal).Replace(";", "", StringComparison.Ordinal)
                .Replace("!", "", StringComparison.Ordinal);
            if (plain.Length == 0)
            {
                continue;
            }

            text.Append(text.Length == 0 ? "" : " ").Append(plain.Any(char.IsDigit) ? plain : plain.ToLower(CultureInfo.InvariantCulture));
        }

        var terse = text.ToString();
        return terse.EndsWith('.') && !terse.EndsWith("...", StringComparison.Ordinal) ? terse[..^1] : terse;
    }

    /// <summary>A word or two in capitals and the end doubled ("!!", "??"); a line cut off ("...") keeps its end.</summary>
    private static string Raised(string burst, int pick)
    {
        var words = Word().Matches(burst).Where(m => !m.Value.Any(char.IsDigit) && m.Value.Any(char.IsLower)).ToList();
        var stressed = words.Where(m => Stressed.Contains(m.Value)).ToList();
        var chosen = stressed.Count > 0
            ? stressed.Skip(pick % stressed.Count).Take(pick % 2 == 1 && stressed.Count > 1 ? 2 : 1).ToList()
            : words.Where(m => m.Length >= 4).OrderByDescending(m => m.Length).Take(1).ToList();
        var text = new StringBuilder(burst);
        foreach (var word in chosen)
        {
            text.Remove(word.Index, word.Length).Insert(word.Index, word.Value.ToUpper(CultureInfo.InvariantCulture));
        }

        var raised = text.ToString().TrimEnd();
        return raised.EndsWith("...", StringComparison.Ordinal) ? raised
            : raised.EndsWith('?') ? raised + "?"
            : raised.EndsWith('!') ? raised + "!"
            : raised.EndsWith('.') ? raised[..^1] + "!!"
            : raised + "!!";
    }

    /// <summary>Trailing off: "..." before the first burst, no exclamation marks, a plain full stop at the end.</summary>
    private static string Quiet(string burst, bool first, bool last)
    {
        var quiet = Exclaimed().Replace(burst, m => m.Value[0] == '?' ? "?" : ".").TrimEnd();
        if (last && char.IsLetterOrDigit(quiet[^1]))
        {
            quiet += ".";
        }

        return first ? "..." + LowerFirst(quiet) : quiet;
    }

    /// <summary>"That's" becomes "that's"; "I", an acronym or a name in capitals stays.</summary>
    private static string LowerFirst(string text)
    {
        var word = Word().Match(text);
        var keep = !word.Success || word.Index != 0 || word.Value is "I" or "I'm" or "I've" or "I'll" or "I'd"
            || (word.Length > 1 && char.IsUpper(word.Value[1]));
        return keep ? text : char.ToLower(text[0], CultureInfo.InvariantCulture) + text[1..];
    }

    /// <summary>Words of thanks or relief: a line with them is warm already, and a model's warm reply must have them.</summary>
    [GeneratedRegex(@"\b(thank\w*|thx|ta|cheers|appreciat\w*|relie\w*|phew|grateful|gracias|ka pai|kia ora|goodness|thank god|brilliant|wonderful|lovely|legend)\b",
        RegexOptions.IgnoreCase, 1000)]
    internal static partial Regex Thanks();

    [GeneratedRegex(@"\?!+|!+", RegexOptions.None, 1000)]
    private static partial Regex Exclaimed();

    [GeneratedRegex(@"\p{L}[\p{L}'’]*", RegexOptions.None, 1000)]
    private static partial Regex Word();
}
