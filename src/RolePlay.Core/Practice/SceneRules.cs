using RolePlay.Core.Content;
using RolePlay.Core.Detection;
using RolePlay.Core.Practice.Reading;

namespace RolePlay.Core.Practice;

/// <summary>How a decided turn changes the state (flags, success, facts, mood), and when the customer's goal is met.</summary>
internal static class SceneRules
{
    /// <summary>The customer's goal is met only when they are calm enough and trust the agent enough.</summary>
    public const double ResolvedMaxFrustration = 4;
    public const double ResolvedMinTrust = 6;

    public static void Advance(SessionState state, ScenePlan plan, TurnReading reading, TurnDecision decision)
    {
        var turn = state.Turn;
        var landed = decision.Landed;
        if (reading.AsksTheirStory)
        {
            state.OpenQuestionAsked = true;
        }

        if ((landed & Behaviour.Empathy) != 0)
        {
            state.FeelingNamed = true;
            state.FeelingVoicedUnnamed = 0;
            Meet(state, SuccessCriterion.ValidatedFeelings, turn);
            if (!reading.EmpathyNamesTheirs)
            {
                state.StockEmpathy++;
            }
        }

        if (state.OutageActive && !state.OutageAcknowledged && reading.DisclosesOutage)
        {
            MoodModel.OutageDisclosed(state);
        }

        if (state.OutageActive && (reading.DisclosesOutage || (landed & ReactionPolicy.Acknowledging) != 0))
        {
            state.OutageAcknowledged = true;
        }

        if ((landed & Behaviour.NextStep) != 0)
        {
            Meet(state, SuccessCriterion.AgreedNextStep, turn);
            state.PlanAgreed = true;
            state.OutageHandled |= state.OutageActive && state.OutageAcknowledged;
        }

        switch (decision.Reaction)
        {
            case Reaction.BoundaryAccepted:
                Meet(state, SuccessCriterion.BoundaryWithoutBlame, turn);
                state.ExceptionPending = false;
                break;
            case Reaction.BoundaryPushback or Reaction.ExceptionPush:
                state.ExceptionPending = true;
                state.ExceptionPushes++;
                break;
            case Reaction.AsksJargon when reading.Jargon is { } term:
                state.JargonAsked.Add(term);
                break;
        }

        state.Refused |= reading.Refusal;
        if ((reading.Labels & ReactionPolicy.Harmful) != 0)
        {
            state.HarmfulTurns++;
        }

        state.UnheardStreak = TalkedPast(decision.Reaction) ? state.UnheardStreak + 1 : 0;
        if (decision.Fact is { } fact)
        {
            state.RevealedFacts.Add(fact.Id);
        }

        MoodModel.Apply(state, plan.Persona, decision, reading.Responsive);
    }

    /// <summary>Escalation follows a pattern: harm more than once, or being talked past turn after turn, not one
    /// misread line.</summary>
    public static bool Escalates(SessionState state) =>
        state.Frustration >= MoodModel.Max && (state.HarmfulTurns >= 2 || state.UnheardStreak >= EscalationStreak);

    private const int EscalationStreak = 3;

    private static bool TalkedPast(Reaction reaction) => reaction is Reaction.Unheard or Reaction.Repeated
        or Reaction.Canned or Reaction.OffTopic or Reaction.RepeatsFeeling or Reaction.Blamed or Reaction.Dismissed;

    /// <summary>Whether a reaction line is the customer voicing their feeling again.</summary>
    public static bool VoicesFeeling(Reaction reaction) =>
        reaction is Reaction.RepeatsFeeling or Reaction.Unheard or Reaction.Blamed or Reaction.Dismissed;

    /// <summary>Mid-scene the customer must be calm and trusting before the goal counts as met; when time runs
    /// out or the learner ends the scene, a calm customer with every success criterion met is resolved.</summary>
    public static bool GoalMet(SessionState state, ScenePlan plan, bool atEnd = false)
    {
        foreach (var criterion in plan.Scenario.Success)
        {
            if (!state.SuccessTurns.ContainsKey(criterion))
            {
                return false;
            }
        }

        return state.Frustration <= ResolvedMaxFrustration && (atEnd || state.Trust >= ResolvedMinTrust) &&
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
