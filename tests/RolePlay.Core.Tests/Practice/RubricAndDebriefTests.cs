using RolePlay.Core.Content;
using RolePlay.Core.Detection;
using RolePlay.Core.Practice;
using static RolePlay.Core.Tests.Practice.TestContent;

namespace RolePlay.Core.Tests.Practice;

public class RubricAndDebriefTests
{
    private static RubricScore Score(PracticeReport report, RubricCriterion criterion) =>
        report.Rubric.Single(s => s.Criterion == criterion);

    [Fact]
    public void Each_score_cites_the_exact_phrases_that_earned_it()
    {
        var session = Play(Start("basic"), [Say.EmpathyAndQuestion, Say.SummaryAndConfirm, Say.BoundaryWithAlternative]);
        var report = session.Report();

        Assert.Equal(SessionOutcome.Resolved, report.Outcome);
        var listening = Score(report, RubricCriterion.ActiveListening);
        Assert.Equal(4, listening.Score);
        Assert.Equal(
        [
            "turn 1: \"that sounds really stressful\" (empathy)",
            "turn 1: \"What happened when you tried to book?\" (open_question)",
            "turn 2: \"So you need the booking kept for Friday.\" (summary)",
            "turn 2: \"Did I get that right?\" (confirmation)",
        ], listening.Evidence);

        var values = Score(report, RubricCriterion.AlignmentWithValues);
        Assert.Equal(3, values.Score);
        Assert.Contains("Listen first: turn 1: \"that sounds really stressful\" (empathy)", values.Evidence);
        Assert.Contains("Own the outcome: turn 3: \"I can offer you a voucher today\" (next_step)", values.Evidence);
        Assert.Contains("Be honest about limits: turn 3: \"I can't change the refund rule\" (boundary)", values.Evidence);

        Assert.Equal(4, Score(report, RubricCriterion.ClarityOfSummary).Score);
        Assert.Equal(new SuccessResult(true, 1), report.Success[SuccessCriterion.ValidatedFeelings]);
        Assert.Equal(new SuccessResult(true, 3), report.Success[SuccessCriterion.AgreedNextStep]);
    }

    [Fact]
    public void What_cost_points_is_quoted_too()
    {
        var session = Play(Start("long"), [Say.Empathy, Say.Blame, Say.Collaboration, Say.Dismissive]);
        session.End();
        var report = session.Report();

        Assert.Contains("cost: turn 2: \"You should have read the terms\" (blame)", Score(report, RubricCriterion.AlignmentWithValues).Evidence);
        Assert.Contains("cost: turn 4: \"Calm down\" (dismissive)", Score(report, RubricCriterion.AlignmentWithValues).Evidence);
        Assert.Contains("cost: turn 4: \"Calm down\" (dismissive)", Score(report, RubricCriterion.ActiveListening).Evidence);
        var shaping = Score(report, RubricCriterion.CollaborativeProblemShaping);
        Assert.Contains("cost: turn 2: \"You should have read the terms\" (blame)", shaping.Evidence);
        Assert.Equal(1, shaping.Score); // collaboration earned 2, the blame cost 1
    }

    [Fact]
    public void Summarising_after_the_next_step_scores_lower_and_says_why()
    {
        var before = Play(Start("long"), [Say.SummaryAndConfirm, Say.NextStep]);
        var after = Play(Start("long"), [Say.NextStep, Say.SummaryAndConfirm]);
        before.End();
        after.End();

        var late = Score(after.Report(), RubricCriterion.ClarityOfSummary);
        Assert.Equal(4, Score(before.Report(), RubricCriterion.ClarityOfSummary).Score);
        Assert.Equal(3, late.Score);
        Assert.Contains("cost: turn 1: \"I will call the hotel now\" came before any summary", late.Evidence);
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
        Assert.Equal([$"Warmth: turn 1: \"{Say.Empathy}\""], score.Evidence);
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
        var session = Play(Start("basic"), [Say.Nothing, Say.EmpathyAndQuestion, Say.Collaboration, Say.NextStep]);
        var debrief = session.Report().Debrief;

        Assert.Equal(["How did that feel?", "What happened", "One thing for your next shift"], debrief.Layers().Select(l => l.Title));
        Assert.Equal(SessionOutcome.Resolved, session.Outcome);
        Assert.Equal(2, debrief.FeelingsPrompts.Count);
        Assert.Contains("Maria started to relax", debrief.FeelingsPrompts[0]);

        Assert.StartsWith("turn 2: you said \"that sounds really stressful\" and Maria replied \"[maria:FeelingNamed:", debrief.Observations[0]);
        var missed = Assert.Single(debrief.MissedMoments);
        Assert.Matches(@"^turn 1: the customer said ""\[maria:RepeatsFeeling:\d+\] .*""; the feeling was not named$", missed);

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
