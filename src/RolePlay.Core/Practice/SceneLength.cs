using RolePlay.Core.Content;

namespace RolePlay.Core.Practice;

/// <summary>How many agent turns a scenario allows before it ends unresolved: its maximum, shortened by time pressure.</summary>
public static class SceneLength
{
    public static int TurnsOf(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var turns = scenario.MaxTurns;
        foreach (var constraint in scenario.Constraints.Where(c => c.Kind == ConstraintKind.TimePressure))
        {
            // "Two minutes left" without a number still has to be shorter than the scenario allows.
            turns = Math.Min(turns, constraint.TurnBudget ?? Math.Max(2, scenario.MaxTurns / 2));
        }

        return turns;
    }
}
