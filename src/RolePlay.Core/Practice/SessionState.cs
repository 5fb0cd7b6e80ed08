using System.Text.Json.Serialization;
using RolePlay.Core.Content;
using RolePlay.Core.Detection;

namespace RolePlay.Core.Practice;

/// <summary>Everything a session is, as plain data: store it as JSON between chat requests and
/// <see cref="PracticeEngine.Restore"/> it to carry on exactly where it stopped. Nothing here is derived from
/// process state (no Random, no clocks), so a restored session has the same future as an uninterrupted one.</summary>
public sealed record SessionState
{
    public required SessionOptions Options { get; init; }
    /// <summary>The persona actually played (the scenario's, unless the options override it).</summary>
    public required string PersonaId { get; init; }
    public SessionOutcome Outcome { get; set; } = SessionOutcome.InProgress;
    /// <summary>Agent turns taken so far.</summary>
    public int Turn { get; set; }
    /// <summary>0–10, kept unrounded so small weighted moves add up; <see cref="Mood"/> rounds.</summary>
    public double Frustration { get; set; }
    public double Trust { get; set; }
    public required string Goal { get; set; }
    public bool GoalSwapped { get; set; }
    /// <summary>The customer's (current) goal was met: the scene resolved.</summary>
    public bool GoalMet { get; set; }

    public bool FeelingNamed { get; set; }
    /// <summary>How often the customer has voiced their feeling without the agent naming it.</summary>
    public int FeelingVoicedUnnamed { get; set; }
    public bool OpenQuestionAsked { get; set; }
    public bool ExceptionPending { get; set; }
    public int ExceptionPushes { get; set; }
    public bool OutageActive { get; set; }
    public int? OutageTurn { get; set; }
    public bool OutageAcknowledged { get; set; }
    /// <summary>An outage is handled once it is acknowledged and a next step lands after it.</summary>
    public bool OutageHandled { get; set; }
    public bool TimePressureVoiced { get; set; }

    /// <summary>The agent has said what cannot be done: only now may the customer push for an exception.</summary>
    public bool Refused { get; set; }
    /// <summary>The customer accepted a plan; it stays accepted.</summary>
    public bool PlanAgreed { get; set; }
    /// <summary>Turns with blame or dismissal: escalation follows a pattern, not one line.</summary>
    public int HarmfulTurns { get; set; }
    /// <summary>Agent turns in a row that answered nothing the customer said.</summary>
    public int UnheardStreak { get; set; }
    /// <summary>How often each behaviour has landed: the same move again moves the customer less.</summary>
    public Dictionary<Behaviour, int> LandedCounts { get; init; } = [];
    /// <summary>Stock sympathy that named nothing of theirs, counted: it wears thin fast.</summary>
    public int StockEmpathy { get; set; }
    public HashSet<string> JargonAsked { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The agent turn at which each success criterion was (last) met.</summary>
    public Dictionary<SuccessCriterion, int> SuccessTurns { get; init; } = [];
    public List<string> RevealedFacts { get; init; } = [];
    public HashSet<string> UsedLines { get; init; } = new(StringComparer.Ordinal);
    public HashSet<CueTrigger> CuesShown { get; init; } = [];
    public List<Utterance> Transcript { get; init; } = [];
    /// <summary>How many transcript entries the opening took.</summary>
    public int OpeningLength { get; set; }
    public List<TurnLog> Turns { get; init; } = [];
    public List<string> MissedMoments { get; init; } = [];
    public List<Observation> Observations { get; init; } = [];

    [JsonIgnore]
    public Mood Mood => new((int)Math.Round(Frustration, MidpointRounding.AwayFromZero),
        (int)Math.Round(Trust, MidpointRounding.AwayFromZero));
}

/// <summary>One agent turn as the rubric and debrief need it: what was said, what was seen, how the customer took
/// it, and which of the customer's needs it met (<see cref="Credits"/>).</summary>
public sealed record TurnLog(int Turn, string AgentText, Behaviour Labels, Behaviour Landed, Reaction Reaction, string CustomerReply,
    IReadOnlyList<RubricCredit>? Credits = null)
{
    [JsonIgnore]
    public IReadOnlyList<RubricCredit> CreditList => Credits ?? [];
}

/// <summary>One need of the customer a turn met (or, with negative points, what it cost): the rubric counts each
/// <see cref="Need"/> once, so saying the same thing again earns nothing.</summary>
public sealed record RubricCredit(RubricCriterion Criterion, string Need, int Turn, Behaviour Label, string Phrase, int Points);

/// <summary>A note an observer adds to the debrief of a group practice.</summary>
public sealed record Observation(string ObserverId, int Turn, string Text);
