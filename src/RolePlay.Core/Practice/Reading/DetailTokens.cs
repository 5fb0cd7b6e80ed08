using System.Text.RegularExpressions;
using RolePlay.Core.Text;

namespace RolePlay.Core.Practice.Reading;

/// <summary>The checkable details of a sentence: days, clock times, amounts of money and counted things ("10
/// days"). A summary that gives a detail of a kind the customer gave, with another value, has it wrong.</summary>
internal static partial class DetailTokens
{
    public readonly record struct Token(string Kind, string Value, string Written);

    public static List<Token> Of(string text)
    {
        var tokens = new List<Token>(2);
        foreach (Match match in Pattern().Matches(text))
        {
            if (match.Groups["day"].Success)
            {
                var day = match.Groups["day"].Value.ToLowerInvariant();
                tokens.Add(new("day", day[..3], match.Value));
            }
            else if (match.Groups["money"].Success)
            {
                tokens.Add(new("money", Digits(match.Groups["money"].Value), match.Value));
            }
            else if (match.Groups["clock"].Success)
            {
                tokens.Add(new("clock", match.Groups["clock"].Value.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant(), match.Value));
            }
            else if (match.Groups["count"].Success)
            {
                var unit = Words.Stem(match.Groups["unit"].Value.ToLowerInvariant());
                tokens.Add(new("count:" + unit, Digits(match.Groups["count"].Value), match.Value));
            }
        }

        return tokens;
    }

    /// <summary>The first detail of <paramref name="summary"/> that contradicts what the customer said, as
    /// (what they said, what the summary said), or null.</summary>
    public static (string Said, string Wrong)? Contradiction(string summary, IEnumerable<string> customerLines)
    {
        var said = customerLines.SelectMany(Of).ToList();
        foreach (var token in Of(summary))
        {
            var sameKind = said.Where(s => s.Kind == token.Kind).ToList();
            if (sameKind.Count > 0 && !sameKind.Any(s => s.Value == token.Value))
            {
                return (sameKind[^1].Written, token.Written);
            }
        }

        return null;
    }

    private static string Digits(string text) => new(text.Where(char.IsDigit).ToArray());

    [GeneratedRegex(@"\b(?<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|(?<money>[£$€]\s?\d[\d,]*(?:\.\d\d)?)|\b(?<clock>\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm))\b|\b(?<count>\d+)\s(?<unit>days?|weeks?|months?|years?|hours?|minutes?|times?|visits?|calls?|emails?|letters?)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
