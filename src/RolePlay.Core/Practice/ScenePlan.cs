using RolePlay.Core.Content;

namespace RolePlay.Core.Practice;

/// <summary>What the scenario's constraints and event mean for the engine, worked out once per session.</summary>
internal sealed class ScenePlan
{
    public ScenePlan(Scenario scenario, Persona persona)
    {
        Scenario = scenario;
        Persona = persona;
        TurnBudget = SceneLength.TurnsOf(scenario);
        foreach (var constraint in scenario.Constraints)
        {
            switch (constraint.Kind)
            {
                case ConstraintKind.TimePressure:
                    HasTimePressure = true;
                    break;
                case ConstraintKind.PolicyFixed:
                    HasFixedPolicy = true;
                    break;
                case ConstraintKind.Outage when constraint.AtTurn is { } at:
                    OutageAtTurn = at;
                    OutageDescription = Sentence(constraint.Description);
                    break;
                case ConstraintKind.Outage:
                    OutageFromStart = true;
                    OutageDescription = Sentence(constraint.Description);
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
    /// <summary>What goes down, as the coach tells the agent.</summary>
    public string OutageDescription { get; } = "A system you rely on has just gone down.";

    private static string Sentence(string text)
    {
        var trimmed = text.Trim();
        var capital = trimmed.Length > 0 ? char.ToUpperInvariant(trimmed[0]) + trimmed[1..] : trimmed;
        return capital.EndsWith('.') ? capital : capital + ".";
    }

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
