using System.Text.Json.Serialization;
using RolePlay.Core.Chat;
using RolePlay.Core.Content;
using RolePlay.Core.Detection;

namespace RolePlay.Core.Practice;

/// <summary>How hard the customer is to win over; the learner chooses it and may change it next time.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Intensity>))]
public enum Intensity { Low, Medium, High }

[JsonConverter(typeof(JsonStringEnumConverter<SessionOutcome>))]
public enum SessionOutcome { InProgress, Resolved, Unresolved, Escalated, Paused, Stopped }

[JsonConverter(typeof(JsonStringEnumConverter<Speaker>))]
public enum Speaker { Customer, Agent, Coach }

/// <summary>One line of the transcript. <see cref="Labels"/> are the detected behaviours of an agent line. A customer
/// line carries the <see cref="Reaction"/> it says and its <see cref="Burst"/> within that reply (0 for the first), so a
/// model voice can word the reply whole. <see cref="Text"/> is the engine's line, which the engine reads in later turns;
/// <see cref="Worded"/>, when set, is how a model voice worded it (empty when its words went on an earlier burst), and
/// <see cref="Seen"/> is what the agent read. <see cref="Manner"/> is how the customer writes the reply (null: plain), and
/// <see cref="Styled"/> the engine's line written that way when it differs; nothing the engine decides reads either.
/// <see cref="At"/> is when it was sent (the platform's time for the agent's message), stamped by the host.</summary>
public sealed record Utterance(Speaker Speaker, string Text, Behaviour Labels = Behaviour.None)
{
    public DateTimeOffset? At { get; init; }

    public Reaction? Reaction { get; init; }

    public int Burst { get; init; }

    public string? Worded { get; init; }

    public Manner? Manner { get; init; }

    public string? Styled { get; init; }

    [JsonIgnore]
    public string Seen => Worded ?? Styled ?? Text;
}

/// <summary>What the learner chose. <see cref="PersonaId"/> overrides the scenario's persona.
/// <see cref="PriorLines"/> are the customer lines this learner already heard from this persona in earlier
/// sessions: the voice says something else where it can.</summary>
public sealed record SessionOptions(string ScenarioId, string? PersonaId = null, int Seed = 0,
    Intensity Intensity = Intensity.Medium, bool WarmUp = true, IReadOnlyList<string>? PriorLines = null);

/// <summary>Plain words for a channel ("a phone call").</summary>
public static class ChannelText
{
    public static string Describe(Channel channel) => channel switch
    {
        Channel.PhoneCall => "a phone call",
        Channel.VoiceMessage => "a voice message",
        Channel.Image => "an image",
        Channel.Link => "a bare link",
        Channel.Video => "a video call",
        Channel.Letter => "a letter",
        Channel.InPerson => "a visit in person",
        _ => "an app",
    };
}

/// <summary>What one agent message caused: its labels, what the customer (and coach) said back, where the scene is.</summary>
public sealed record TurnResult(Behaviour Labels, IReadOnlyList<Utterance> Replies, SessionOutcome Outcome, Mood Mood);

/// <summary>The scored summary of a finished session. Paused, stopped or unfinished sessions are not scored: empty
/// rubric and success, and a debrief that only checks in.</summary>
public sealed record PracticeReport(SessionOutcome Outcome, bool Scored, Mood FinalMood,
    IReadOnlyDictionary<SuccessCriterion, SuccessResult> Success, IReadOnlyList<RubricScore> Rubric, Debrief Debrief);

/// <summary>Whether a declared success criterion was met, and the agent turn that met it.</summary>
public sealed record SuccessResult(bool Met, int? Turn);

[JsonConverter(typeof(JsonStringEnumConverter<RubricCriterion>))]
public enum RubricCriterion { ActiveListening, AlignmentWithValues, ClarityOfSummary, CollaborativeProblemShaping }

/// <summary>A 0–4 score with the agent's exact phrases that earned it and the ones that cost points, and what would
/// have earned the next point (null at 4).</summary>
public sealed record RubricScore(RubricCriterion Criterion, int Score, IReadOnlyList<RubricEvidence> Evidence, string? NextLevel = null)
{
    public const int Max = 4;
}

/// <summary>One quoted phrase: the agent turn it came from, the behaviour it showed (none for a message quoted
/// whole), and whether it cost a point rather than earned one.</summary>
public sealed record RubricEvidence(int Turn, Behaviour Label, string Phrase, bool Cost = false);

/// <summary>Plain names of the rubric's criteria, as a coach says them.</summary>
public static class RubricCriterionText
{
    public static string Describe(RubricCriterion criterion) => criterion switch
    {
        RubricCriterion.ActiveListening => "Active listening",
        RubricCriterion.AlignmentWithValues => "Living the team's values",
        RubricCriterion.ClarityOfSummary => "Clarity of summary",
        _ => "Solving it together",
    };
}

/// <summary>The debrief in the order it is held: feelings, observations (with the moments missed), one commitment.
/// <see cref="Writing"/> is the agent's paraverbal picture (timing, length, punctuation), part of the observations.</summary>
public sealed record Debrief(IReadOnlyList<string> FeelingsPrompts, IReadOnlyList<string> Observations,
    IReadOnlyList<string> MissedMoments, string CommitmentPrompt, IReadOnlyList<string> CommitmentSuggestions)
{
    public IReadOnlyList<string> Writing { get; init; } = [];

    /// <summary>The layers as a facilitator walks through them, for renderers that show one section at a time.</summary>
    public IReadOnlyList<DebriefLayer> Layers() =>
    [
        new("How did that feel?", FeelingsPrompts),
        new("What happened", [.. Observations, .. MissedMoments, .. Writing]),
        new("One thing for your next shift", [CommitmentPrompt, .. CommitmentSuggestions]),
    ];
}

public sealed record DebriefLayer(string Title, IReadOnlyList<string> Lines);

/// <summary>Plain words for success criteria in briefs and debriefs ("validated feelings").</summary>
public static class SuccessCriterionText
{
    public static string Describe(SuccessCriterion criterion) => WireName.Of(criterion).Replace('_', ' ');
}
