using RolePlay.Core.Content;
using RolePlay.Core.Detection;

namespace RolePlay.Core.Practice;

/// <summary>Builds the layered debrief: feelings first, then what happened (phrases that landed with the customer's
/// reply, and the moments missed), then one commitment drawn from the weakest criterion.</summary>
internal static class DebriefBuilder
{
    private const int MaxObservations = 4;

    private static readonly Reaction[] Landing =
    [
        Reaction.FeelingNamed, Reaction.OpensUp, Reaction.SummaryConfirmed, Reaction.NextStepAccepted,
        Reaction.CollaborationWelcomed, Reaction.BoundaryAccepted, Reaction.Resolved, Reaction.AnswersChoice,
        Reaction.PlanEcho, Reaction.OutageDisclosed, Reaction.PlainThanks, Reaction.Tells,
    ];

    public const string CommitmentPrompt = "Pick one thing to try on your next shift.";

    public static Debrief Scored(SessionState state, ScenePlan plan, IReadOnlyList<RubricScore> rubric)
    {
        var name = plan.Persona.Name;
        var observations = new List<string>();
        var quoted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var turn in state.Turns)
        {
            if (observations.Count == MaxObservations)
            {
                break;
            }

            var credit = turn.CreditList.FirstOrDefault(c => c.Points > 0 && c.Label != Behaviour.None);
            if (credit is not null && Array.IndexOf(Landing, turn.Reaction) >= 0 && quoted.Add(credit.Phrase))
            {
                observations.Add($"turn {turn.Turn}: you said \"{credit.Phrase}\" and {name} replied \"{turn.CustomerReply}\"");
            }
        }

        AddObserverNotes(state, observations);

        var missed = new List<string>(state.MissedMoments);
        foreach (var criterion in plan.Scenario.Success)
        {
            if (!state.SuccessTurns.ContainsKey(criterion))
            {
                missed.Add($"by the end: {SuccessCriterionText.Describe(criterion)} was not reached");
            }
        }

        var weakest = rubric[0];
        foreach (var score in rubric)
        {
            if (score.Score < weakest.Score)
            {
                weakest = score;
            }
        }

        return new Debrief(FeelingsPrompts(state.Outcome, name), observations, missed, CommitmentPrompt,
            Suggestions(weakest.Criterion)) { Writing = ParaverbalPicture.Of(state, plan.Persona) };
    }

    /// <summary>A paused or stopped practice gets no score, only a check-in and any observer notes.</summary>
    public static Debrief Unscored(SessionState state)
    {
        var observations = new List<string>();
        AddObserverNotes(state, observations);
        return new Debrief(["How are you feeling right now? Stepping away is always fine, and nothing was scored."],
            observations, [], "", []);
    }

    private static IReadOnlyList<string> FeelingsPrompts(SessionOutcome outcome, string name) => outcome switch
    {
        SessionOutcome.Resolved =>
        [
            $"How did it feel when {name} started to relax?",
            "Which moment felt most natural to you?",
        ],
        SessionOutcome.Escalated =>
        [
            "That got heated. How are you feeling right now?",
            $"What was going on for you when {name} asked to escalate?",
        ],
        _ =>
        [
            "How did it feel to leave it unresolved?",
            $"When did you feel closest to {name}, and when furthest away?",
        ],
    };

    private static IReadOnlyList<string> Suggestions(RubricCriterion weakest) => weakest switch
    {
        RubricCriterion.ActiveListening =>
        [
            "Name the customer's feeling in your first reply (\"that sounds really stressful\").",
            "Ask one open question before offering anything (\"what happened next?\").",
            "Confirm you got it right before moving on (\"did I get that right?\").",
        ],
        RubricCriterion.AlignmentWithValues =>
        [
            "Before you reply, check it against one team value: would \"listen first\" say this?",
            "Own the outcome: say \"I will\" and what, instead of what the system or policy does.",
            "Drop blame words (\"you should have\", \"that's the policy\") for what you can do.",
        ],
        RubricCriterion.ClarityOfSummary =>
        [
            "Summarise in one sentence before solving (\"so what you need is ...\").",
            "End your summary with a check (\"have I got that right?\").",
            "Use the customer's own words in the summary.",
        ],
        _ =>
        [
            "Invite the customer into the solution (\"let's work out together what works for you\").",
            "Offer two options and let the customer choose.",
            "Close with one concrete next step and when it will happen.",
        ],
    };

    private static void AddObserverNotes(SessionState state, List<string> observations)
    {
        foreach (var note in state.Observations)
        {
            observations.Add($"observer {note.ObserverId} (turn {note.Turn}): {note.Text}");
        }
    }
}

/// <summary>Puts the report together: scored sessions get success, rubric and the full debrief.</summary>
internal static class ReportBuilder
{
    public static PracticeReport Build(SessionState state, ScenePlan plan, ServiceValues values)
    {
        if (state.Outcome is not (SessionOutcome.Resolved or SessionOutcome.Unresolved or SessionOutcome.Escalated))
        {
            return new PracticeReport(state.Outcome, false, state.Mood, new Dictionary<SuccessCriterion, SuccessResult>(), [],
                DebriefBuilder.Unscored(state));
        }

        var success = new Dictionary<SuccessCriterion, SuccessResult>();
        foreach (var criterion in plan.Scenario.Success)
        {
            success[criterion] = state.SuccessTurns.TryGetValue(criterion, out var turn)
                ? new SuccessResult(true, turn)
                : new SuccessResult(false, null);
        }

        var rubric = RubricScorer.Score(state.Turns, values);
        return new PracticeReport(state.Outcome, true, state.Mood, success, rubric, DebriefBuilder.Scored(state, plan, rubric));
    }
}
