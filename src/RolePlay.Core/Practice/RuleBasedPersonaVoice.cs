using System.Text;
using RolePlay.Core.Content;

namespace RolePlay.Core.Practice;

/// <summary>The embedded voice: picks an unused line from the persona's bank for the reaction (deterministic for a
/// seed and turn), fills the slots a bank takes, adds what the customer tells in their own words, sometimes leads
/// with a word that fits how the agent's turn landed, and delivers it as the persona's connection allows.</summary>
public sealed class RuleBasedPersonaVoice : IPersonaVoice
{
    /// <summary>Said when a bank has no unused line left, so a long session still never repeats itself.</summary>
    private static readonly string[] Neutral = ["Okay.", "Right.", "Hm.", "I see.", "Go on.", "Well?", "And?", "Fine."];

    /// <summary>A mood lead goes before about one line in three.</summary>
    private const int LeadOneIn = 3;

    public IReadOnlyList<string> Speak(VoiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var line = request.Script ?? Compose(request);
        return Deliver(line, request.Persona.Artifacts.Network, request);
    }

    private static string Compose(VoiceRequest request)
    {
        var salt = request.Salt * 32 + (int)request.Reaction;
        var parts = new List<string>(3);
        if (request.Reaction != Reaction.Tells || request.Told is not { Count: > 0 })
        {
            parts.Add(Fill(PickLine(request, BankFor(request), salt), request.Slots));
        }

        if (request.Fact is { } fact)
        {
            parts.Add(PickLine(request, fact.Says, salt + 1));
        }

        if (request.Told is { Count: > 0 } told)
        {
            parts.Add(PickLine(request, told, salt + 2));
        }

        // A lead says how the line lands, so it follows the reaction, not the mood: "Perfect." before telling the
        // story they were asked for, or "Oh no." before agreeing, reads as a non-sequitur.
        IReadOnlyList<string> leads = ReactionTone.Pleased.Contains(request.Reaction) ? request.Persona.Leads.Easing
            : ReactionTone.Displeased.Contains(request.Reaction) ? request.Persona.Leads.Tense
            : [];
        // A lead said once in a session is not said again ("listen." twice reads as a loop); spent, none is said.
        var fresh = leads.Where(lead => !request.UsedLines.Contains(lead)).ToList();
        if (fresh.Count > 0 && StableRandom.Below(LeadOneIn, request.Seed, request.Turn, RandomPurpose.Lead, salt) == 0)
        {
            var lead = fresh[StableRandom.Below(fresh.Count, request.Seed, request.Turn, RandomPurpose.Lead, salt + 1)];
            request.UsedLines.Add(lead);
            parts.Insert(0, lead);
        }

        return string.Join(" ", parts);
    }

    private static IReadOnlyList<string> BankFor(VoiceRequest request)
    {
        var bank = request.Persona.Lines.For(request.Reaction);
        return bank.Count > 0 ? bank : FallbackLines.For(request.Reaction);
    }

    private static string Fill(string line, IReadOnlyDictionary<string, string>? slots)
    {
        if (slots is null)
        {
            return line;
        }

        foreach (var (name, value) in slots)
        {
            var token = $"{{{name}}}";
            var at = line.IndexOf(token, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var text = at == 0 && value.Length > 0 ? char.ToUpperInvariant(value[0]) + value[1..] : value;
            line = line.Replace(token, text, StringComparison.Ordinal);
        }

        return line;
    }

    private static string PickLine(VoiceRequest request, IReadOnlyList<string> bank, int salt)
    {
        var line = PickUnused(bank, request, salt) ?? PickUnused(Neutral, request, salt);
        if (line is null)
        {
            // Every line has been said: repeating beats silence.
            var fallback = bank.Count > 0 ? bank : Neutral;
            line = fallback[StableRandom.Below(fallback.Count, request.Seed, request.Turn, RandomPurpose.Line, salt)];
        }

        request.UsedLines.Add(line);
        return line;
    }

    /// <summary>An unused line, preferring ones this learner has not heard in earlier sessions either.</summary>
    private static string? PickUnused(IReadOnlyList<string> bank, VoiceRequest request, int salt)
    {
        var heard = (request.PriorLines ?? []).Select(WordsOf).ToList();
        return Pick(bank, request, salt, line => !request.UsedLines.Contains(line) && !HeardBefore(heard, line))
               ?? Pick(bank, request, salt, line => !request.UsedLines.Contains(line));
    }

    /// <summary>Earlier sessions store what the learner read: the line after a lead or words of relief, or written in
    /// a manner ("you said that already"). Compared by its words, it is the same line.</summary>
    private static bool HeardBefore(List<string> heard, string line)
    {
        var words = WordsOf(line);
        return heard.Any(said => said == words || said.EndsWith(" " + words, StringComparison.Ordinal));
    }

    private static string WordsOf(string text) =>
        string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(word => new string(word.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant())
            .Where(word => word.Length > 0));

    private static string? Pick(IReadOnlyList<string> bank, VoiceRequest request, int salt, Func<string, bool> allowed)
    {
        var candidates = bank.Where(allowed).ToList();
        return candidates.Count == 0
            ? null
            : candidates[StableRandom.Below(candidates.Count, request.Seed, request.Turn, RandomPurpose.Line, salt)];
    }

    /// <summary>Good network: one message. Patchy: one burst per sentence. Poor: bursts, and the last one may be
    /// cut off ("..."), as a dropped connection does, unless it carries something the customer tells: a fact lost
    /// to the connection would leave the agent nothing to act on.</summary>
    internal static IReadOnlyList<string> Deliver(string line, NetworkQuality network, VoiceRequest request)
    {
        if (network == NetworkQuality.Good)
        {
            return [line];
        }

        var bursts = SplitSentences(line);
        var tells = request.Fact is not null || request.Told is { Count: > 0 };
        if (network == NetworkQuality.Poor && !tells &&
            StableRandom.Below(2, request.Seed, request.Turn, RandomPurpose.Burst, request.Salt) == 0)
        {
            var last = bursts[^1];
            var cut = last.TrimEnd().LastIndexOf(' ');
            if (cut > 0)
            {
                bursts[^1] = string.Concat(last.AsSpan(0, cut).TrimEnd(), "...");
            }
        }

        return bursts;
    }

    /// <summary>Splits after ., ! or ? (and runs of them) followed by white space.</summary>
    internal static List<string> SplitSentences(string text)
    {
        var parts = new List<string>(3);
        var current = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            current.Append(text[i]);
            var endsSentence = text[i] is '.' or '!' or '?' && i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]);
            if (endsSentence)
            {
                AddTrimmed(parts, current);
            }
        }

        AddTrimmed(parts, current);
        if (parts.Count == 0)
        {
            parts.Add(text);
        }

        return parts;
    }

    private static void AddTrimmed(List<string> parts, StringBuilder current)
    {
        var part = current.ToString().Trim();
        if (part.Length > 0)
        {
            parts.Add(part);
        }

        current.Clear();
    }
}
