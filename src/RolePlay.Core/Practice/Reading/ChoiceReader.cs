using System.Text.RegularExpressions;
using RolePlay.Core.Content;
using RolePlay.Core.Text;

namespace RolePlay.Core.Practice.Reading;

/// <summary>An either/or the agent offered ("would you prefer a refund or a replacement?"), with its options as
/// the agent wrote them.</summary>
internal sealed record ChoiceOffer(IReadOnlyList<string> Options)
{
    /// <summary>The option this customer takes: the one holding the word they prefer most (their preferences are in
    /// order), else the first holding no word they avoid, else the first.</summary>
    public string PickFor(ChoicePreferences preferences)
    {
        foreach (var word in preferences.Prefers)
        {
            if (Options.FirstOrDefault(option => Words.Mentions(option, word)) is { } preferred)
            {
                return preferred;
            }
        }

        return Options.FirstOrDefault(option => !preferences.Avoids.Any(word => Words.Mentions(option, word))) ?? Options[0];
    }

    /// <summary>An option as the customer repeats it: the agent's "your local store" is "my local store" in their mouth.</summary>
    public static string InCustomersWords(string option) => ChoiceReader.Possessive().Replace(option, m =>
        m.Value.Length == 4 ? (char.IsUpper(m.Value[0]) ? "My" : "my") : (char.IsUpper(m.Value[0]) ? "Mine" : "mine"));
}

internal static partial class ChoiceReader
{
    private const int MaxOptionWords = 10;

    /// <summary>A numbered option is plainly an option, so it may run longer than one found in running text.</summary>
    private const int MaxNumberedOptionWords = 12;

    /// <summary>The first question of <paramref name="text"/> that offers options joined by "or", else the first
    /// offer stated as one ("I can't refund it, but I can offer a voucher or a free redelivery.").</summary>
    public static ChoiceOffer? Read(string text) =>
        Read(Question().Matches(text), Cue()) ?? Read(Offer().Matches(text), OfferCue()) ?? Numbered(text);

    /// <summary>A numbered list of options the customer is asked to choose from ("1) credit, 2) monthly billing.
    /// Which works for you?").</summary>
    private static ChoiceOffer? Numbered(string text)
    {
        if (!text.Contains('?'))
        {
            return null;
        }

        var options = NumberedOption().Matches(text).Select(m => Clean(m.Groups["option"].Value)).ToList();
        return options.Count >= 2 && options.All(o => Words.Count(o) is > 0 and <= MaxNumberedOptionWords) ? new ChoiceOffer(options) : null;
    }

    private static ChoiceOffer? Read(MatchCollection candidates, Regex cues)
    {
        foreach (Match question in candidates)
        {
            var body = question.Value.TrimEnd('?', '.', '!', ' ');
            var cue = cues.Match(body);
            var offered = cue.Success ? body[(cue.Index + cue.Length)..] : body;
            var parts = Or().Split(offered).Select(Clean).Where(part => part.Length > 0).ToList();
            if (parts.Count < 2 || parts.Any(part => NotAnOption().IsMatch(part)))
            {
                continue;
            }

            if (!cue.Success)
            {
                // With no "prefer"/"would you" the first option is only the last few words before "or".
                var first = Words.Of(parts[0]);
                parts[0] = string.Join(' ', first.Skip(Math.Max(0, first.Count - 3)));
            }

            if (parts.All(part => Words.Count(part) is > 0 and <= MaxOptionWords))
            {
                return new ChoiceOffer(parts);
            }
        }

        return null;
    }

    private static string Clean(string part) => Article().Replace(part.Trim(' ', ',', '.', '-', '—'), "").Trim();

    [GeneratedRegex(@"[^.!?\n]*\bor\b[^.!?\n]*\?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Question();

    [GeneratedRegex(@"[^.!?\n]*\b(?:i|we) (?:can|could) (?:offer|do|give|arrange|send|book|issue|change|switch|move|refund|replace|reschedule|set up)\b[^.!?\n]*\bor\b[^.!?\n]*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Offer();

    [GeneratedRegex(@"^.*\b(?:i|we) (?:can|could) (?:offer|do|give|arrange|send|book|issue|change|switch|move|refund|replace|reschedule|set up)\b\s*(?:you |to you )?(?:either )?(?:a |an |the )?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OfferCue();

    [GeneratedRegex(@"^.*\b(?:prefer|rather|like|want|choose|pick|suit you better|work better|better for you|should i|shall i|do you|would you|is it|either)\b\s*(?:to |me to |a |an |the |it |if )?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Cue();

    [GeneratedRegex(@"(?:^|\s|:)\(?[1-9][).]\s+(?<option>[^,;.?!\n]+?)(?=\s*(?:,|;|\band\b|\bor\b)?\s*\(?[1-9][).]\s|[,;.?!\n]|$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberedOption();

    [GeneratedRegex(@"\s*,\s*or\s+|\s+or\s+|\s*,\s*(?=\w+\s+or\s)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Or();

    [GeneratedRegex(@"^(?:not|no|something else|anything else|other|otherwise|what|is that)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotAnOption();

    [GeneratedRegex(@"^(?:a|an|the|to|have|get|me|we|i)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Article();

    [GeneratedRegex(@"\byours?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex Possessive();
}
