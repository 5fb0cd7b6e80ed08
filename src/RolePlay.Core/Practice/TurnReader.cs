using System.Diagnostics;
using System.Text.RegularExpressions;
using RolePlay.Core.Detection;
using RolePlay.Core.Practice;
using RolePlay.Core.Practice.Reading;
using RolePlay.Core.Telemetry;
using RolePlay.Core.Text;

namespace RolePlay.Core.Practice;

/// <summary>Reads one agent message against the conversation so far and the customer it is written to.</summary>
internal static partial class TurnReader
{
    /// <summary>Word overlap above which a message counts as said before.</summary>
    private const double RepeatOverlap = 0.7;

    private const int RecitalMoves = 3;

    /// <summary>A message this much over what the customer takes in comfortably is too much to answer at all; between
    /// the two it still lands, by half.</summary>
    private const double TooLongFactor = 1.5;

    /// <summary>Specific words in common before a message counts as about this customer: one shared word ("account")
    /// is chance, two are attention.</summary>
    private const int SharedStems = 2;

    /// <summary>Average words per sentence above which a message is not plain for someone who needs plain words.</summary>
    private const int PlainSentenceWords = 16;

    private const Behaviour Helpful = Behaviour.Empathy | Behaviour.OpenQuestion | Behaviour.Summary |
                                      Behaviour.Confirmation | Behaviour.NextStep | Behaviour.Boundary | Behaviour.Collaboration;

    public static TurnReading Read(string text, SessionState state, ScenePlan plan, IBehaviourDetector detector)
    {
        var persona = plan.Persona;
        var customerLines = state.Transcript.Where(u => u.Speaker == Speaker.Customer).Select(u => u.Text).ToList();
        var agentLines = state.Turns.Select(t => t.AgentText).ToList();
        var started = Stopwatch.GetTimestamp();
        var evidence = detector.Explain(text, new DetectionContext(customerLines, agentLines));
        RolePlayTelemetry.DetectorDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        var said = Said(customerLines);
        if (ImpliedSummary(text, evidence, said.Stems) is { } restated)
        {
            evidence = [.. evidence, restated];
        }

        var labels = evidence.Aggregate(Behaviour.None, (set, e) => set | e.Behaviour);

        var situation = Situation(plan, said);
        var stems = Words.Specific(text);
        var responsive = Shares(stems, situation, text, customerLines);
        var words = Words.Count(text);
        var reading = new TurnReading
        {
            Labels = labels,
            Evidence = evidence,
            WordCount = words,
            Responsive = responsive,
            Repeated = agentLines.Any(earlier => IsRepeat(text, earlier)),
            Recital = !responsive && BitCount(labels & Helpful) >= RecitalMoves,
        };

        var empathy = (labels & Behaviour.Empathy) != 0 ? reading.Phrase(Behaviour.Empathy, text) : null;
        // The fact the question itself is about comes first: "rent is coming up… what are you seeing in your
        // banking app?" asks about the app, not the rent.
        var asking = AskingSentences(text);
        var factTopic = Unrevealed(state, plan).FirstOrDefault(f => f.Topics.Any(topic => asking.Any(q => Words.Mentions(q, topic))))
                        ?? Unrevealed(state, plan).FirstOrDefault(f => f.Topics.Any(topic => Words.Mentions(text, topic)));
        var probe = Cues.StoryProbe().IsMatch(text);
        var smallTalk = Cues.SmallTalk().IsMatch(text) && !probe;
        var asks = (labels & Behaviour.OpenQuestion) != 0 || (text.Contains('?') && (probe || smallTalk));
        var offTopic = asks && factTopic is null && (smallTalk || (!probe && !responsive));
        var story = asks && !offTopic;
        var contradiction = (labels & Behaviour.Summary) != 0 ? DetailTokens.Contradiction(text, customerLines) : null;
        var channels = Cues.Channels(text);
        var jargon = Cues.Jargon().Match(text);
        return reading with
        {
            EmpathyNamesTheirs = empathy is not null && Words.Specific(empathy).Overlaps(said.Feelings.Concat(situation)),
            AsksTheirStory = story,
            Fact = story ? factTopic ?? Unrevealed(state, plan).FirstOrDefault() : null,
            OffTopic = offTopic,
            Detail = DetailAsked(asking, persona),
            Choice = ChoiceReader.Read(text),
            Summary = (labels & Behaviour.Summary) == 0 ? SummaryCheck.None
                : !Shares(stems, said.Stems, text, customerLines) ? SummaryCheck.Empty
                : contradiction is not null ? SummaryCheck.Wrong
                : persona.Worry is { } worry && !worry.Topics.Any(t => Words.Mentions(text, t)) ? SummaryCheck.MissesWorry
                : SummaryCheck.Accurate,
            SummaryContradiction = contradiction,
            PlanWhen = (labels & Behaviour.NextStep) != 0 ? Cues.When().Match(text) is { Success: true } when ? when.Value : null : null,
            PlanBlockedBy = channels.Select(persona.Needs.Limit).FirstOrDefault(limit => limit is not null),
            VaguePromise = (labels & Behaviour.NextStep) == 0 && Cues.VaguePromise().IsMatch(text),
            Refusal = (labels & Behaviour.Boundary) != 0 || Cues.Refusal().IsMatch(text),
            Jargon = jargon.Success && !state.JargonAsked.Contains(jargon.Value.ToLowerInvariant()) ? jargon.Value : null,
            TooLong = words > persona.Needs.MaxWords * TooLongFactor,
            Long = words > persona.Needs.MaxWords,
            Rushed = Cues.Rush().IsMatch(text),
            Plain = !jargon.Success && words <= persona.Needs.MaxWords && !Cues.Rush().IsMatch(text)
                    && words <= PlainSentenceWords * Math.Max(1, Sentences().Count(text)),
            DisclosesOutage = state.OutageActive && Cues.OutageDisclosed().IsMatch(text),
        };
    }

    /// <summary>What the customer has said: the stems of their specific words, and the feelings they voiced.</summary>
    private static (HashSet<string> Stems, HashSet<string> Feelings) Said(IReadOnlyList<string> customerLines)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        var feelings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in customerLines)
        {
            stems.UnionWith(Words.Specific(line));
            foreach (Match feeling in Feeling().Matches(line))
            {
                feelings.Add(Words.Stem(feeling.Value.ToLowerInvariant()));
            }
        }

        return (stems, feelings);
    }

    /// <summary>This customer's situation: what they said, plus what a prepared agent knows from the brief (the
    /// persona's facts, details and worry), so naming it counts as listening.</summary>
    private static HashSet<string> Situation(ScenePlan plan, (HashSet<string> Stems, HashSet<string> Feelings) said)
    {
        var situation = new HashSet<string>(said.Stems, StringComparer.Ordinal);
        var persona = plan.Persona;
        foreach (var topic in persona.Facts.SelectMany(f => f.Topics).Concat(persona.Worry?.Topics ?? []))
        {
            situation.UnionWith(Words.Specific(topic));
        }

        situation.UnionWith(Words.Specific(plan.Scenario.Brief));
        situation.UnionWith(Words.Specific(plan.Scenario.CustomerGoal));
        return situation;
    }

    /// <summary>A check ("have I got that right?") after a sentence that restates three or more of the customer's own
    /// specific words is a summary, however it is phrased: the sentence that restates most is quoted.</summary>
    private static BehaviourEvidence? ImpliedSummary(string text, IReadOnlyList<BehaviourEvidence> evidence, HashSet<string> said)
    {
        if (!evidence.Any(e => e.Behaviour == Behaviour.Confirmation) || evidence.Any(e => e.Behaviour == Behaviour.Summary))
        {
            return null;
        }

        var best = Sentences().Split(text)
            .Select(sentence => (Sentence: sentence.Trim(), Shared: Words.Specific(sentence).Count(said.Contains)))
            .MaxBy(candidate => candidate.Shared);
        return best.Shared >= ImpliedSummaryStems ? new BehaviourEvidence(Behaviour.Summary, best.Sentence) : null;
    }

    private const int ImpliedSummaryStems = 3;

    /// <summary>Whether the message is about this situation: two specific words in common, or a detail the customer
    /// gave (a day, an amount, a count) said back.</summary>
    private static bool Shares(HashSet<string> stems, HashSet<string> situation, string text, IReadOnlyList<string> customerLines)
    {
        var shared = 0;
        foreach (var stem in stems)
        {
            if (situation.Contains(stem) && ++shared >= SharedStems)
            {
                return true;
            }
        }

        var said = customerLines.SelectMany(DetailTokens.Of).Select(t => (t.Kind, t.Value)).ToHashSet();
        return DetailTokens.Of(text).Any(t => said.Contains((t.Kind, t.Value)));
    }

    private static IEnumerable<Content.HiddenFact> Unrevealed(SessionState state, ScenePlan plan) =>
        plan.Persona.Facts.Where(f => !state.RevealedFacts.Contains(f.Id));

    private static bool IsRepeat(string text, string earlier) =>
        string.Equals(text.Trim(), earlier.Trim(), StringComparison.OrdinalIgnoreCase)
        || (Words.Count(text) >= 3 && Words.Overlap(text, earlier) >= RepeatOverlap);

    /// <summary>The detail a question or a request in the message asks for: "what's your account number?" does,
    /// a summary that mentions the account and ends "have I got that right?" does not.</summary>
    private static Content.PersonaDetail? DetailAsked(List<string> asking, Content.Persona persona) =>
        persona.Details.FirstOrDefault(d => d.AskedBy.Any(w => asking.Any(sentence => Words.Mentions(sentence, w))));

    /// <summary>The sentences of the message that ask something: a question, or a request for a detail.</summary>
    private static List<string> AskingSentences(string text) =>
        SentenceSplitter.Spans(text).Select(span => text.Substring(span.Start, span.Length))
            .Where(s => s.Contains('?') || DetailRequest().IsMatch(s)).ToList();

    private static int BitCount(Behaviour set) => System.Numerics.BitOperations.PopCount((uint)set);

    [GeneratedRegex(@"\b(?:can|could) you (?:tell|give|send|share|confirm)|\bwhat(?: is|'s) your\b|\bplease (?:send|share|give|confirm|tell)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DetailRequest();

    [GeneratedRegex(@"[.!?]+(?:\s|$)|\n")]
    private static partial Regex Sentences();

    [GeneratedRegex(@"\b(?:worr\w*|scar\w*|afraid|anxious|nervous|stress\w*|angry|furious|fuming|livid|annoy\w*|frustrat\w*|fed up|upset|gutted|devastat\w*|heartbr\w*|sad|embarrass\w*|confus\w*|lost|overwhelm\w*|panic\w*|exhaust\w*|tired|alone|let down|disappoint\w*|humiliat\w*|ignored|desperate|helpless|hopeless|mortified|ashamed|rubbish|awful|terrible|nightmare|horrible|unfair|ridiculous)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Feeling();
}
