using RolePlay.Core.Content;

namespace RolePlay.Core.Practice;

/// <summary>What the scenario's constraints and event mean for the engine, worked out once per session.</summary>
internal sealed class ScenePlan
{
    public ScenePlan(Scenario scenario, Persona persona)
    {
        Scenario = scenario;
        Persona = persona;
        TurnBudget = scenario.MaxTurns;
        foreach (var constraint in scenario.Constraints)
        {
            switch (constraint.Kind)
            {
                case ConstraintKind.TimePressure:
                    HasTimePressure = true;
                    // "Two minutes left" without a number still has to be shorter than the scenario allows.
                    TurnBudget = Math.Min(TurnBudget, constraint.TurnBudget ?? Math.Max(2, scenario.MaxTurns / 2));
                    break;
                case ConstraintKind.PolicyFixed:
                    HasFixedPolicy = true;
                    break;
                case ConstraintKind.Outage when constraint.AtTurn is { } at:
                    OutageAtTurn = at;
                    break;
                case ConstraintKind.Outage:
                    OutageFromStart = true;
                    break;
            }
        }

        if (scenario.Event is { Kind: SceneEventKind.Outage } outage)
        {
            OutageAtTurn = outage.AtTurn;
        }

        if (TurnBudget < 1)
        {
            throw new ArgumentException($"Scenario '{scenario.Id}' allows no turns (turn budget {TurnBudget}).");
        }
    }

    public Scenario Scenario { get; }
    public Persona Persona { get; }
    /// <summary>Agent turns before the scene ends unresolved.</summary>
    public int TurnBudget { get; }
    public bool HasTimePressure { get; }
    public bool HasFixedPolicy { get; }
    public bool OutageFromStart { get; }
    public int? OutageAtTurn { get; }

    public bool Requires(SuccessCriterion criterion)
    {
        foreach (var declared in Scenario.Success)
        {
            if (declared == criterion)
            {
                return true;
            }
        }

        return false;
    }
}
