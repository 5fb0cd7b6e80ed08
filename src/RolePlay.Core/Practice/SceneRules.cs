using RolePlay.Core.Content;
using RolePlay.Core.Detection;

namespace RolePlay.Core.Practice;

/// <summary>How a decided turn changes the state (flags, success, facts, mood), and when the customer's goal is met.</summary>
internal static class SceneRules
{
    /// <summary>The customer's goal is met only when they are calm enough and trust the agent enough.</summary>
    public const double ResolvedMaxFrustration = 4;
    public const double ResolvedMinTrust = 6;

    public static void Advance(SessionState state, ScenePlan plan, Behaviour labels, TurnDecision decision)
    {
        var turn = state.Turn;
        var landed = decision.Landed;
        if ((labels & Behaviour.OpenQuestion) != 0)
        {
            state.OpenQuestionAsked = true;
        }

        if ((landed & Behaviour.Empathy) != 0)
        {
            state.FeelingNamed = true;
            state.FeelingVoicedUnnamed = 0;
            Meet(state, SuccessCriterion.ValidatedFeelings, turn);
        }

        if (state.OutageActive && (landed & ReactionPolicy.Acknowledging) != 0)
        {
            state.OutageAcknowledged = true;
        }

        if ((landed & Behaviour.NextStep) != 0)
        {
            Meet(state, SuccessCriterion.AgreedNextStep, turn);
            state.OutageHandled |= state.OutageActive && state.OutageAcknowledged;
        }

        switch (decision.Reaction)
        {
            case Reaction.BoundaryAccepted:
                Meet(state, SuccessCriterion.BoundaryWithoutBlame, turn);
                state.ExceptionPending = false;
                break;
            case Reaction.ExceptionPush:
                state.ExceptionPending = true;
                state.ExceptionPushes++;
                break;
        }

        if (decision.Fact is { } fact)
        {
            state.RevealedFacts.Add(fact.Id);
        }

        MoodModel.Apply(state, plan.Persona, landed, decision.BlamedPolicy);
    }

    /// <summary>Whether a reaction line is the customer voicing their feeling again.</summary>
    public static bool VoicesFeeling(Reaction reaction) =>
        reaction is Reaction.RepeatsFeeling or Reaction.Unheard or Reaction.Blamed or Reaction.Dismissed;

    public static bool GoalMet(SessionState state, ScenePlan plan)
    {
        foreach (var criterion in plan.Scenario.Success)
        {
            if (!state.SuccessTurns.ContainsKey(criterion))
            {
                return false;
            }
        }

        return state.Frustration <= ResolvedMaxFrustration && state.Trust >= ResolvedMinTrust &&
               (!state.OutageActive || state.OutageHandled);
    }

    public static void StartOutage(SessionState state)
    {
        state.OutageActive = true;
        state.OutageTurn = state.Turn;
        state.OutageAcknowledged = false;
        state.OutageHandled = false;
        // The old next step died with the system: a new one is needed.
        state.SuccessTurns.Remove(SuccessCriterion.AgreedNextStep);
        MoodModel.Outage(state);
    }

    public static void SwapGoal(SessionState state, string newGoal)
    {
        state.Goal = newGoal;
        state.GoalSwapped = true;
        // A next step agreed for the old goal does not serve the new one.
        state.SuccessTurns.Remove(SuccessCriterion.AgreedNextStep);
    }

    private static void Meet(SessionState state, SuccessCriterion criterion, int turn) =>
        state.SuccessTurns.TryAdd(criterion, turn);
}
