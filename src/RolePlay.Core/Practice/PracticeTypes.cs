using System.Text.Json.Serialization;
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

/// <summary>One line of the transcript. <see cref="Labels"/> are the detected behaviours of an agent line.</summary>
public sealed record Utterance(Speaker Speaker, string Text, Behaviour Labels = Behaviour.None);

/// <summary>What the learner chose. <see cref="PersonaId"/> overrides the scenario's persona.</summary>
public sealed record SessionOptions(string ScenarioId, string? PersonaId = null, int Seed = 0,
    Intensity Intensity = Intensity.Medium, bool WarmUp = true);

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

/// <summary>A 0–4 score with the exact phrases that earned it and, prefixed "cost:", the ones that cost points.</summary>
public sealed record RubricScore(RubricCriterion Criterion, int Score, IReadOnlyList<string> Evidence);

/// <summary>The debrief in the order it is held: feelings, observations (with the moments missed), one commitment.</summary>
public sealed record Debrief(IReadOnlyList<string> FeelingsPrompts, IReadOnlyList<string> Observations,
    IReadOnlyList<string> MissedMoments, string CommitmentPrompt, IReadOnlyList<string> CommitmentSuggestions)
{
    /// <summary>The layers as a facilitator walks through them, for renderers that show one section at a time.</summary>
    public IReadOnlyList<DebriefLayer> Layers() =>
    [
        new("How did that feel?", FeelingsPrompts),
        new("What happened", [.. Observations, .. MissedMoments]),
        new("One thing for your next shift", [CommitmentPrompt, .. CommitmentSuggestions]),
    ];
}

public sealed record DebriefLayer(string Title, IReadOnlyList<string> Lines);

/// <summary>Plain words for success criteria in briefs and debriefs ("validated feelings").</summary>
public static class SuccessCriterionText
{
    public static string Describe(SuccessCriterion criterion) => WireName.Of(criterion).Replace('_', ' ');
}
