namespace RolePlay.Core.Content;

/// <summary>An exercise: a persona, what the customer wants, what success looks like, and what makes it hard.</summary>
public sealed record Scenario
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string PersonaId { get; init; }
    /// <summary>What the agent is told before the scene starts.</summary>
    public required string Brief { get; init; }
    public required string CustomerGoal { get; init; }
    public required IReadOnlyList<SuccessCriterion> Success { get; init; }
    public required IReadOnlyList<ScenarioConstraint> Constraints { get; init; }
    /// <summary>An optional mid-scene event (an outage starts, the customer's goal swaps).</summary>
    public SceneEvent? Event { get; init; }
    /// <summary>The scene ends unresolved after this many agent turns if nothing else ends it.</summary>
    public int MaxTurns { get; init; } = 6;
    public string Source { get; init; } = "";
}

/// <summary>YAML: validated_feelings, agreed_next_step, boundary_without_blame.</summary>
public enum SuccessCriterion { ValidatedFeelings, AgreedNextStep, BoundaryWithoutBlame }

/// <summary>YAML kinds: time_pressure, policy_fixed, outage.</summary>
public enum ConstraintKind { TimePressure, PolicyFixed, Outage }

/// <summary>One constraint. <see cref="TurnBudget"/> applies to time pressure (the scene ends when it runs out);
/// <see cref="AtTurn"/> to an outage that starts mid-scene; <see cref="Description"/> is shown in the brief
/// ("two minutes left", "refunds after 30 days are never allowed", "the billing system goes down").</summary>
public sealed record ScenarioConstraint(ConstraintKind Kind, string Description, int? TurnBudget = null, int? AtTurn = null);

public enum SceneEventKind { Outage, GoalSwap }

/// <summary>Something that happens at a turn: the customer's line announces it; a goal swap replaces the goal.</summary>
public sealed record SceneEvent(SceneEventKind Kind, int AtTurn, string Line, string? NewGoal = null);
