using RolePlay.Core.Content;

namespace RolePlay.Core.Practice;

/// <summary>Opens a session the way a good facilitator does: purpose and scope, safety signals, an optional
/// warm-up, the brief, then the customer's first line.</summary>
internal static class OpeningBuilder
{
    public static void Build(SessionState state, ScenePlan plan, IReadOnlyList<WarmUp> warmUps, Action<Reaction, string?> customerSays)
    {
        var scenario = plan.Scenario;
        var persona = plan.Persona;
        var options = state.Options;
        Coach(state, $"Practice: \"{scenario.Title}\". You are the agent and I play {persona.Name}, the customer, " +
                     $"for up to {plan.TurnBudget} turns, to practise hearing the customer before solving.");
        Coach(state, $"You can pause or stop at any time, and nothing is scored if you do. " +
                     $"Intensity: {options.Intensity.ToString().ToLowerInvariant()}. You can choose a different intensity for your next practice.");
        if (options.WarmUp && warmUps.Count > 0)
        {
            var warmUp = warmUps[StableRandom.Below(warmUps.Count, options.Seed, 0, RandomPurpose.WarmUp)];
            Coach(state, $"Warm-up (optional): {warmUp.Prompt}");
        }

        Coach(state, Brief(plan));
        customerSays(Reaction.Opening, null);
    }

    private static string Brief(ScenePlan plan)
    {
        var scenario = plan.Scenario;
        var success = string.Join(", ", scenario.Success.Select(SuccessCriterionText.Describe));
        var brief = $"Brief: {scenario.Brief} Success looks like: {(success.Length > 0 ? success : "a calm, satisfied customer")}.";
        if (scenario.Constraints.Count > 0)
        {
            brief += $" Constraints: {string.Join("; ", scenario.Constraints.Select(c => c.Description.TrimEnd('.')))}.";
        }

        return brief;
    }

    private static void Coach(SessionState state, string text) => state.Transcript.Add(new Utterance(Speaker.Coach, text));
}
