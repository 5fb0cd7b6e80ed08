using RolePlay.Core.Content;
using RolePlay.Core.Detection;
using RolePlay.Core.Practice;
using static RolePlay.Core.Tests.Practice.TestContent;

namespace RolePlay.Core.Tests.Practice;

public class RubricAndDebriefTests
{
    private static RubricScore Score(PracticeReport report, RubricCriterion criterion) =>
        report.Rubric.Single(s => s.Criterion == criterion);

    private static string[] Rendered(RubricScore score) => score.Evidence
        .Select(e => $"{(e.Cost ? "cost: " : "")}turn {e.Turn}: \"{e.Phrase}\"{(e.Label == Behaviour.None ? "" : $" ({BehaviourNames.ToName(e.Label)})")}")
        .ToArray();

    [Fact]
    public void Each_score_cites_the_exact_phrases_that_earned_it_and_says_what_earns_the_next_point()
    {
        var session = Play(Start("basic"), [Say.EmpathyAndQuestion, Say.SummaryAndConfirm, Say.BoundaryWithAlternative]);
        var report = session.Report();

        Assert.Equal(SessionOutcome.Resolved, report.Outcome);
        var listening = Score(report, RubricCriterion.ActiveListening);
        Assert.Equal(
        [
            "turn 1: \"that sounds really stressful\" (empathy)",
            "turn 1: \"What happened when you tried to book?\" (open_question)",
            "turn 2: \"Did I get that right?\" (confirmation)",
        ], Rendered(listening));
        // The customer said she is worried; "stressful" is a stock word, so naming her own feeling is the next point.
        Assert.Equal(3, listening.Score);
        Assert.Contains("their own words", listening.NextLevel);

        var summary = Score(report, RubricCriterion.ClarityOfSummary);
        Assert.Equal(4, summary.Score);
        Assert.Null(summary.NextLevel);
        Assert.Equal(["turn 2: \"So you need the booking kept for Friday.\" (summary)", "turn 2: \"Did I get that right?\" (confirmation)"],
            Rendered(summary));

        var values = Score(report, RubricCriterion.AlignmentWithValues);
        Assert.Equal(3, values.Score);
        Assert.Contains("turn 3: \"I can offer you a voucher today\" (next_step)", Rendered(values));
        Assert.Contains("Decide together", values.NextLevel);

        Assert.Equal(new SuccessResult(true, 1), report.Success[SuccessCriterion.ValidatedFeelings]);
        Assert.Equal(new SuccessResult(true, 3), report.Success[SuccessCriterion.AgreedNextStep]);
    }

    [Fact]
    public void What_cost_points_is_quoted_too()
    {
        var session = Play(Start("long", intensity: Intensity.Low), [Say.Empathy, Say.Blame, Say.Collaboration, Say.Dismissive]);
        if (!session.IsOver)
        {
            session.End();
        }

        var report = session.Report();
        Assert.Contains("cost: turn 2: \"You should have read the terms\" (blame)", Rendered(Score(report, RubricCriterion.AlignmentWithValues)));
        Assert.Contains("cost: turn 4: \"Calm down\" (dismissive)", Rendered(Score(report, RubricCriterion.AlignmentWithValues)));
        Assert.Contains("cost: turn 4: \"Calm down\" (dismissive)", Rendered(Score(report, RubricCriterion.ActiveListening)));
        var shaping = Score(report, RubricCriterion.CollaborativeProblemShaping);
        Assert.Contains("cost: turn 2: \"You should have read the terms\" (blame)", Rendered(shaping));
        Assert.Equal(0, shaping.Score); // the collaboration earned 1, the blame cost 1
    }

    [Fact]
    public void A_behaviour_earns_once_and_saying_it_again_earns_nothing_more()
    {
        var once = Play(Start("long"), [Say.SummaryAndConfirm]);
        var twice = Play(Start("long"), [Say.SummaryAndConfirm, Say.SummaryAndConfirm]);
        once.End();
        twice.End();

        Assert.Equal(Score(once.Report(), RubricCriterion.ClarityOfSummary).Score, Score(twice.Report(), RubricCriterion.ClarityOfSummary).Score);
        Assert.True(twice.Report().Rubric.Sum(r => r.Score) < once.Report().Rubric.Sum(r => r.Score), "a repeat should cost a listening point");
        Assert.Equal(Reaction.Repeated, twice.State.Turns[1].Reaction);
    }

    [Fact]
    public void A_checklist_recital_that_answers_nothing_earns_nothing()
    {
        var session = Play(Start("long"), [Say.Checklist]);
        session.End();
        var report = session.Report();

        Assert.Equal(Reaction.Unheard, session.State.Turns[0].Reaction);
        Assert.Equal(0, report.Rubric.Sum(r => r.Score));
        Assert.DoesNotContain(report.Success.Values, r => r.Met);
    }

    [Fact]
    public void Team_values_are_configurable_and_matched_by_their_phrases()
    {
        var values = new ServiceValues([new ServiceValue("Warmth", Behaviour.None, ["so sorry"])]);
        var session = new PracticeEngine(Catalog(), Say.Detector(), new RuleBasedPersonaVoice(), values)
            .Start(new SessionOptions("long"));
        session.Respond(Say.Empathy);
        session.End();

        var score = Score(session.Report(), RubricCriterion.AlignmentWithValues);

        Assert.Equal(4, score.Score);
        Assert.Equal([$"turn 1: \"{Say.Empathy}\""], Rendered(score));
    }

    [Fact]
    public void Service_values_that_could_never_be_shown_are_refused()
    {
        var none = Assert.Throws<ArgumentException>(() => new PracticeEngine(Catalog(), Say.Detector(), new RuleBasedPersonaVoice(), new ServiceValues([])));
        var empty = Assert.Throws<ArgumentException>(() => ServiceValues.Validate(new ServiceValues([new ServiceValue("Care", Behaviour.None)])));

        Assert.Contains("at least one value", none.Message);
        Assert.Contains("'Care'", empty.Message);
    }

    [Fact]
    public void The_debrief_goes_feelings_then_what_happened_then_one_commitment()
    {
        var session = Play(Start("basic"), [Say.Nothing, Say.EmpathyAndQuestion, Say.Collaboration, Say.NextStep, Say.NextStepByText]);
        var debrief = session.Report().Debrief;

        Assert.Equal(["How did that feel?", "What happened", "One thing for your next shift"], debrief.Layers().Select(l => l.Title));
        Assert.Equal(SessionOutcome.Resolved, session.Outcome);
        Assert.Equal(2, debrief.FeelingsPrompts.Count);
        Assert.Contains("Maria started to relax", debrief.FeelingsPrompts[0]);

        Assert.StartsWith("turn 2: you said \"that sounds really stressful\" and Maria replied \"[maria:FeelingNamed:", debrief.Observations[0]);
        var missed = Assert.Single(debrief.MissedMoments);
        Assert.Matches(@"^turn 1: Maria said ""\[maria:RepeatsFeeling:\d+\] .*""; the feeling was not named$", missed);

        // No summary at all: clarity is the weakest criterion, so the suggestions are about summarising.
        Assert.NotEmpty(debrief.CommitmentPrompt);
        Assert.Equal(3, debrief.CommitmentSuggestions.Count);
        Assert.Contains(debrief.CommitmentSuggestions, s => s.StartsWith("Summarise in one sentence", StringComparison.Ordinal));
        Assert.Equal([debrief.CommitmentPrompt, .. debrief.CommitmentSuggestions], debrief.Layers()[2].Lines);
    }

    [Fact]
    public void Feelings_prompts_adapt_to_the_outcome_and_missed_goals_are_named()
    {
        var escalated = Play(Start("basic"), Say.Cold).Report().Debrief;
        var unresolved = Play(Start("time"), [Say.Nothing, Say.Nothing, Say.Nothing]).Report().Debrief;

        Assert.Contains("heated", escalated.FeelingsPrompts[0]);
        Assert.Contains("unresolved", unresolved.FeelingsPrompts[0]);
        Assert.Contains("by the end: agreed next step was not reached", unresolved.MissedMoments);
        Assert.Contains(escalated.MissedMoments, m => m.StartsWith("turn 1: \"You should have read the terms.\" came across as blame", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(RubricCriterion.ActiveListening, "active_listening")]
    [InlineData(RubricCriterion.AlignmentWithValues, "alignment_with_values")]
    [InlineData(RubricCriterion.ClarityOfSummary, "clarity_of_summary")]
    [InlineData(RubricCriterion.CollaborativeProblemShaping, "collaborative_problem_shaping")]
    public void Rubric_criteria_have_wire_names(RubricCriterion criterion, string name)
    {
        Assert.Equal(name, WireName.Of(criterion));
        Assert.True(WireName.TryParse<RubricCriterion>(name, out var parsed));
        Assert.Equal(criterion, parsed);
    }

    [Theory]
    [InlineData(SuccessCriterion.ValidatedFeelings, "validated_feelings")]
    [InlineData(SuccessCriterion.AgreedNextStep, "agreed_next_step")]
    [InlineData(SuccessCriterion.BoundaryWithoutBlame, "boundary_without_blame")]
    public void Success_criteria_have_wire_names(SuccessCriterion criterion, string name)
    {
        Assert.Equal(name, WireName.Of(criterion));
        Assert.True(WireName.TryParse<SuccessCriterion>(name, out var parsed));
        Assert.Equal(criterion, parsed);
        Assert.False(WireName.TryParse<SuccessCriterion>(name.ToUpperInvariant(), out _));
    }
}
