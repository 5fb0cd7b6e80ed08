using System.Text.RegularExpressions;
using RolePlay.Core.Text;

namespace RolePlay.Core.Practice.Reading;

/// <summary>The checkable details of a sentence: days, clock times, amounts of money and counted things ("10
/// days"). A summary has a detail wrong when it gives another value of the same kind for the same thing the
/// customer spoke of: the words around the two must meet, so "the €49 fee" I offer is not a wrong "€287 fare".</summary>
internal static partial class DetailTokens
{
    /// <summary>How many words either side of a detail say what it is a detail of.</summary>
    private const int AnchorWords = 4;

    /// <summary>A detail, and the stems of the specific words around it ("parcel", "due").</summary>
    public readonly record struct Token(string Kind, string Value, string Written, IReadOnlySet<string> Anchor);

    public static List<Token> Of(string text)
    {
        var tokens = new List<Token>(2);
        foreach (Match match in Pattern().Matches(text))
        {
            var (kind, value) = match switch
            {
                _ when match.Groups["day"].Success => ("day", match.Groups["day"].Value.ToLowerInvariant()[..3]),
                _ when match.Groups["money"].Success => ("money", Digits(match.Groups["money"].Value)),
                _ when match.Groups["clock"].Success => ("clock", match.Groups["clock"].Value.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()),
                _ => ("count:" + Words.Stem(match.Groups["unit"].Value.ToLowerInvariant()), Digits(match.Groups["count"].Value)),
            };
            tokens.Add(new(kind, value, match.Value, AnchorOf(text, match)));
        }

        return tokens;
    }

    /// <summary>Stems that go with any amount or span ("pay €49", "€287 to pay"), so they say nothing of what it is for.</summary>
    private static readonly HashSet<string> AnyDetail = new(StringComparer.Ordinal)
    {
        "pay", "paid", "payin", "cost", "charg", "spent", "spend", "owe", "been", "took", "tak", "wait", "waited", "ago",
    };

    private static readonly char[] ClauseEnds = ['.', ',', ';', '!', '?', '\n', ':'];

    /// <summary>The specific words near the detail within its own clause: "stuck 4 days" in "2-day shipping,
    /// stuck 4 days" is about being stuck, not shipping.</summary>
    private static HashSet<string> AnchorOf(string text, Match match)
    {
        var clauseStart = text.LastIndexOfAny(ClauseEnds, Math.Max(0, match.Index - 1)) + 1;
        var clauseEnd = text.IndexOfAny(ClauseEnds, match.Index + match.Length);
        var before = Words.Of(text[clauseStart..match.Index]).TakeLast(AnchorWords);
        var after = Words.Of(text[(match.Index + match.Length)..(clauseEnd < 0 ? text.Length : clauseEnd)]).Take(AnchorWords);
        var anchor = Words.Specific(string.Join(' ', before.Concat(after)));
        anchor.RemoveWhere(stem => stem.Any(char.IsDigit) || AnyDetail.Contains(stem));
        return anchor;
    }

    /// <summary>The first detail of <paramref name="summary"/> that contradicts what the customer said, as
    /// (what they said, what the summary said), or null. A detail with nothing around it ("so it's Thursday?")
    /// is about the one thing of its kind the customer gave, if they gave one.</summary>
    public static (string Said, string Wrong)? Contradiction(string summary, IEnumerable<string> customerLines)
    {
        var said = customerLines.SelectMany(Of).ToList();
        foreach (var token in Of(summary))
        {
            var sameKind = said.Where(s => s.Kind == token.Kind).ToList();
            if (sameKind.Any(s => s.Value == token.Value))
            {
                continue;
            }

            var sameThing = token.Anchor.Count == 0
                ? sameKind.DistinctBy(s => s.Value).Count() == 1 ? sameKind : []
                : sameKind.Where(s => s.Anchor.Overlaps(token.Anchor)).ToList();
            if (sameThing.Count > 0)
            {
                return (sameThing[^1].Written, token.Written);
            }
        }

        return null;
    }

    private static string Digits(string text) => new(text.Where(char.IsDigit).ToArray());

    [GeneratedRegex(@"\b(?<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|(?<money>[£$€]\s?\d[\d,]*(?:\.\d\d)?)|\b(?<clock>\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm))\b|\b(?<count>\d+)\s(?<unit>days?|weeks?|months?|years?|hours?|minutes?|times?|visits?|calls?|emails?|letters?)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
