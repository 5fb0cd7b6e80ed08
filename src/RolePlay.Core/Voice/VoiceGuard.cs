using System.Text.RegularExpressions;
using RolePlay.Core.Content;
using RolePlay.Core.Practice;
using RolePlay.Core.Text;

namespace RolePlay.Core.Voice;

/// <summary>Why a model's wording was not sent (the rule voice's line went instead).</summary>
public enum GuardFailure
{
    Empty,
    TooLong,
    BurstStyle,
    Markup,
    OutOfCharacter,
    HiddenFact,
    ChangedDetail,
    PersonalData,
    DecidesOutcome,
    Manner,
}

/// <summary>The model's wording as it may be sent (its bursts), or why it may not.</summary>
public sealed record GuardVerdict(IReadOnlyList<string>? Bursts, GuardFailure? Failure)
{
    public static GuardVerdict Pass(IReadOnlyList<string> bursts) => new(bursts, null);

    public static GuardVerdict Fail(GuardFailure failure) => new(null, failure);
}

/// <summary>Checks a model's wording of one reply before anyone reads it. Whatever the agent typed or the model made of
/// it, what is sent is in character, the persona's length and connection, plain text for the channel, and tells nothing
/// the engine did not decide: no fact it has not released, no number or personal detail of the model's own, no
/// settlement or escalation the engine did not reach.</summary>
internal static partial class VoiceGuard
{
    /// <summary>Longest burst, in words, a patchy and a poor connection send.</summary>
    private const int PatchyBurstWords = 24;

    private const int PoorBurstWords = 12;

    /// <summary>Words of an unreleased fact's own lines, and of its topics, that tell the fact when the wording has them
    /// and nothing said so far does.</summary>
    private const int FactStemsTold = 3;

    private const int FactTopicsTold = 2;

    public static GuardVerdict Check(string? reply, WordingScene scene, CustomerReply turn, string draft, int maxWords)
    {
        var persona = scene.Persona;
        var lines = Lines(reply, persona.Name);
        if (lines.Count == 0)
        {
            return GuardVerdict.Fail(GuardFailure.Empty);
        }

        var text = string.Join(" ", lines);
        // What the wording may draw on besides the draft: the conversation so far, as the agent read it.
        var known = string.Join(" ", scene.State.Transcript.Take(turn.First).Where(u => u.Speaker != Speaker.Coach).Select(u => u.Seen));
        var allowed = $"{draft} {known}";
        var failure =
            Words.Count(text) > maxWords ? GuardFailure.TooLong
            : Markup().IsMatch(text) || Emoji.In(text) ? GuardFailure.Markup
            : OutOfCharacter().IsMatch(text) ? GuardFailure.OutOfCharacter
            : PersonalData().Matches(text).Any(m => !allowed.Contains(m.Value, StringComparison.OrdinalIgnoreCase)) ? GuardFailure.PersonalData
            : TellsHiddenFact(text, scene, allowed) ? GuardFailure.HiddenFact
            : ChangesDetail(text, draft, known) ? GuardFailure.ChangedDetail
            : DecidesOutcome(text, turn.Reaction, draft) ? GuardFailure.DecidesOutcome
            : turn.Manner == Manner.Warm && !MannerStyle.Thanks().IsMatch(text) ? GuardFailure.Manner
            : (GuardFailure?)null;
        if (failure is { } failed)
        {
            return GuardVerdict.Fail(failed);
        }

        return Bursts(lines, persona.Artifacts.Network) is { } bursts ? GuardVerdict.Pass(bursts) : GuardVerdict.Fail(GuardFailure.BurstStyle);
    }

    /// <summary>The reply's lines without the wrapping a model adds: surrounding quotes, the persona's name before it.</summary>
    private static List<string> Lines(string? reply, string name)
    {
        if (string.IsNullOrWhiteSpace(reply))
        {
            return [];
        }

        var text = reply.Trim();
        var first = name.Split(' ')[0];
        foreach (var prefix in new[] { name + ":", first + ":" })
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                text = text[prefix.Length..].TrimStart();
            }
        }

        if (text.Length >= 2 && text[0] is '"' or '“' && text[^1] is '"' or '”')
        {
            text = text[1..^1].Trim();
        }

        return text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    /// <summary>A good connection sends one message; a patchy or poor one short bursts (a model's lines, or its
    /// sentences), or the wording does not match how this customer writes.</summary>
    private static IReadOnlyList<string>? Bursts(List<string> lines, NetworkQuality network)
    {
        if (network == NetworkQuality.Good)
        {
            return [string.Join(" ", lines)];
        }

        var bursts = lines.Count > 1 ? lines : RuleBasedPersonaVoice.SplitSentences(lines[0]);
        var longest = network == NetworkQuality.Poor ? PoorBurstWords : PatchyBurstWords;
        return bursts.All(b => Words.Count(b) <= longest) ? bursts : null;
    }

    private static bool TellsHiddenFact(string text, WordingScene scene, string allowed)
    {
        var stems = Words.Specific(text);
        var allowedStems = Words.Specific(allowed);
        foreach (var fact in scene.Persona.Facts.Where(f => !scene.State.RevealedFacts.Contains(f.Id)))
        {
            // One topic word is chance ("days"); two of the same fact are telling it.
            if (fact.Topics.Count(topic => Words.Mentions(text, topic) && !Words.Mentions(allowed, topic)) >= FactTopicsTold)
            {
                return true;
            }

            var own = fact.Says.SelectMany(Words.Specific).Where(s => !allowedStems.Contains(s)).ToHashSet(StringComparer.Ordinal);
            if (own.Count(stems.Contains) >= FactStemsTold)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every number of the draft is kept, and none is added that the conversation has not had.</summary>
    private static bool ChangesDetail(string text, string draft, string known)
    {
        var said = Numbers(text);
        return Numbers(draft).Any(n => !said.Contains(n)) || said.Any(n => !Numbers(draft).Contains(n) && !Numbers(known).Contains(n));
    }

    private static HashSet<string> Numbers(string text) =>
        Number().Matches(text).Select(m => m.Value.Replace(",", "", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Settling or escalating is the engine's to decide: the wording may only do it when the draft does.</summary>
    private static bool DecidesOutcome(string text, Reaction? reaction, string draft) =>
        (reaction != Reaction.Resolved && Settles().Matches(text).Any(m => !draft.Contains(m.Value, StringComparison.OrdinalIgnoreCase)))
        || (reaction != Reaction.Escalates && Escalation().Matches(text).Any(m => !draft.Contains(m.Value, StringComparison.OrdinalIgnoreCase)));

    [GeneratedRegex(@"\*\*|__|`|^\s*([#>]|[-*+•]\s|\d+\.\s)|\[[^\]]*\]\([^)]*\)|<\s*/?\s*[a-z][^>]*>|https?://|www\.",
        RegexOptions.IgnoreCase | RegexOptions.Multiline, 1000)]
    private static partial Regex Markup();

    [GeneratedRegex(@"\b(as an ai|an ai\b|a\.i\.|language model|chatbot|assistant|simulat\w*|role[- ]?play\w*|scenario|persona|the engine|my instructions|system prompt|i('m| am) (just )?(a |an )?(bot|program)|coach\w*|tip:|you should (try|say|ask|acknowledge))",
        RegexOptions.IgnoreCase, 1000)]
    private static partial Regex OutOfCharacter();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+\.[\w.]+|\+?\d[\d ()-]{7,}\d|\b\d{6,}\b", RegexOptions.None, 1000)]
    private static partial Regex PersonalData();

    [GeneratedRegex(@"\d+(?:[.,:]\d+)*", RegexOptions.None, 1000)]
    private static partial Regex Number();

    [GeneratedRegex(@"\b(approved|granted|refunded|sorted|solved|resolved|goodbye|bye)\b",
        RegexOptions.IgnoreCase, 1000)]
    private static partial Regex Settles();

    [GeneratedRegex(@"\b(manager|supervisor|complaint|complain|ombudsman|regulator|lawyer|solicitor|escalat\w*|cancel\w*|close my account)\b",
        RegexOptions.IgnoreCase, 1000)]
    private static partial Regex Escalation();
}
