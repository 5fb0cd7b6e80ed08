using System.Text;
using RolePlay.Core.Content;

namespace RolePlay.Core.Practice;

/// <summary>The embedded voice: picks an unused line from the persona's bank for the reaction (deterministic for a
/// seed and turn), appends a revealed fact, and delivers it as the persona's connection allows.</summary>
public sealed class RuleBasedPersonaVoice : IPersonaVoice
{
    /// <summary>Said when a bank has no unused line left, so a long session still never repeats itself.</summary>
    private static readonly string[] Neutral = ["Okay.", "Right.", "Hm.", "I see.", "Go on.", "Well?", "And?", "Fine."];

    public IReadOnlyList<string> Speak(VoiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var line = request.Script ?? PickLine(request);
        if (request.Fact is { } fact)
        {
            line = $"{line} {fact.Text}";
        }

        return Deliver(line, request.Persona.Artifacts.Network, request);
    }

    private static string PickLine(VoiceRequest request)
    {
        var bank = request.Persona.Lines.For(request.Reaction);
        var salt = request.Salt * 32 + (int)request.Reaction;
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

    private static string? PickUnused(IReadOnlyList<string> bank, VoiceRequest request, int salt)
    {
        var unused = 0;
        foreach (var candidate in bank)
        {
            if (!request.UsedLines.Contains(candidate))
            {
                unused++;
            }
        }

        if (unused == 0)
        {
            return null;
        }

        var pick = StableRandom.Below(unused, request.Seed, request.Turn, RandomPurpose.Line, salt);
        foreach (var candidate in bank)
        {
            if (!request.UsedLines.Contains(candidate) && pick-- == 0)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Good network: one message. Patchy: one burst per sentence. Poor: bursts, and the last one may be
    /// cut off ("..."), as a dropped connection does.</summary>
    internal static IReadOnlyList<string> Deliver(string line, NetworkQuality network, VoiceRequest request)
    {
        if (network == NetworkQuality.Good)
        {
            return [line];
        }

        var bursts = SplitSentences(line);
        if (network == NetworkQuality.Poor &&
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
