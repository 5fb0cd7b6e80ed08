using RolePlay.Core.Chat;
using RolePlay.Core.Content;
using RolePlay.Core.Detection;
using RolePlay.Core.Practice;
using static RolePlay.Core.Tests.Practice.TestContent;

namespace RolePlay.Core.Tests.Practice;

public class SceneOutcomeTests
{
    [Theory]
    [InlineData("basic")]
    [InlineData("time")]
    [InlineData("policy")]
    [InlineData("outage")]
    [InlineData("outage-event")]
    [InlineData("swap")]
    public void Warm_and_cold_agents_end_in_clearly_different_places(string scenarioId)
    {
        var warm = Play(Start(scenarioId), Say.Warm);
        var cold = Play(Start(scenarioId), Say.Cold);

        Assert.Equal(SessionOutcome.Resolved, warm.Outcome);
        Assert.Equal(SessionOutcome.Escalated, cold.Outcome);
        Assert.True(warm.State.GoalMet);
        Assert.False(cold.State.GoalMet);
        Assert.True(warm.State.Frustration <= 4, $"warm frustration {warm.State.Frustration}");
        Assert.Equal(10, cold.State.Frustration);
        Assert.True(warm.State.Trust >= 6 && cold.State.Trust < 2, $"trust warm {warm.State.Trust}, cold {cold.State.Trust}");

        var warmReport = warm.Report();
        var coldReport = cold.Report();
        Assert.All(warmReport.Success.Values, result => Assert.True(result.Met));
        Assert.All(coldReport.Success.Values, result => Assert.False(result.Met));
        Assert.True(warmReport.Rubric.Sum(s => s.Score) >= 10, $"warm rubric {warmReport.Rubric.Sum(s => s.Score)}");
        Assert.Equal(0, coldReport.Rubric.Sum(s => s.Score));
        Assert.True(IsFrom(warm.Transcript.Last(u => u.Speaker == Speaker.Customer).Text, "maria", Reaction.Resolved));
        Assert.True(IsFrom(cold.Transcript.Last(u => u.Speaker == Speaker.Customer).Text, "maria", Reaction.Escalates));
    }

    [Fact]
    public void A_next_step_sensitive_persona_moves_more_on_a_next_step_than_a_neutral_one()
    {
        var neutral = Start("basic");
        var busy = Start("busy-basic");
        var neutralBefore = neutral.State.Frustration;

        neutral.Respond(Say.NextStep);
        busy.Respond(Say.NextStep);

        var neutralDrop = neutralBefore - neutral.State.Frustration;
        var busyDrop = neutralBefore - busy.State.Frustration;
        // The next step's own effect (1.5, doubled for the busy persona) plus 0.5 for a plan with a time they can repeat back.
        Assert.Equal(2.0, neutralDrop, 6);
        Assert.Equal(3.5, busyDrop, 6);
        Assert.True(busy.State.Trust > neutral.State.Trust);
    }

    [Fact]
    public void A_customer_who_needs_the_feeling_named_first_ignores_solutions_until_it_is()
    {
        var session = Start("anxious-basic");
        var before = session.State.Frustration;

        var ignored = session.Respond(Say.NextStep);

        Assert.True(session.State.Frustration > before, "a solution before empathy must not calm an anxious customer");
        Assert.False(session.State.SuccessTurns.ContainsKey(SuccessCriterion.AgreedNextStep));
        Assert.True(IsFrom(ignored.Replies[0].Text, "anxious", Reaction.RepeatsFeeling));

        session.Respond(Say.Empathy);
        var landed = session.Respond(Say.NextStepByText);

        Assert.Equal(3, session.State.SuccessTurns[SuccessCriterion.AgreedNextStep]);
        Assert.Contains(landed.Replies, u => IsFrom(u.Text, "anxious", Reaction.PlanEcho) || IsFrom(u.Text, "anxious", Reaction.Resolved));
    }

    [Fact]
    public void Intensity_sets_the_start_the_recovery_and_the_reaction_to_blame()
    {
        var low = Start("basic", intensity: Intensity.Low);
        var medium = Start("basic");
        var high = Start("basic", intensity: Intensity.High);
        Assert.True(low.State.Frustration < medium.State.Frustration && medium.State.Frustration < high.State.Frustration);
        Assert.True(low.State.Trust > medium.State.Trust && medium.State.Trust > high.State.Trust);

        double Drop(PracticeSession s, string text)
        {
            var before = s.State.Frustration;
            s.Respond(text);
            return before - s.State.Frustration;
        }

        Assert.True(Drop(Start("basic", intensity: Intensity.High), Say.Empathy) < Drop(Start("basic"), Say.Empathy));
        Assert.True(Drop(Start("basic"), Say.Empathy) < Drop(Start("basic", intensity: Intensity.Low), Say.Empathy));
        // A calm customer, so the harder reaction to blame is not hidden by the 0–10 ceiling.
        Assert.True(-Drop(Start("calm-basic", intensity: Intensity.High), Say.Blame) > -Drop(Start("calm-basic"), Say.Blame));
        Assert.True(-Drop(Start("calm-basic"), Say.Blame) > -Drop(Start("calm-basic", intensity: Intensity.Low), Say.Blame));
    }

    [Fact]
    public void Open_questions_reveal_the_fact_their_topic_names_else_the_next_one()
    {
        var session = Start("basic");

        var flight = session.Respond(Say.FlightQuestion);
        var next = session.Respond(Say.OpenQuestion);

        Assert.EndsWith("FACT-flight: My flight was cancelled.", flight.Replies[0].Text);
        Assert.EndsWith("FACT-deposit: I paid a deposit.", next.Replies[0].Text);
        Assert.Equal(["flight", "deposit"], session.State.RevealedFacts);
    }

    [Fact]
    public void Naming_the_feeling_and_asking_an_open_question_together_lands_both()
    {
        var session = Start("basic");

        var reply = session.Respond(Say.EmpathyAndQuestion);

        Assert.True(IsFrom(reply.Replies[0].Text, "maria", Reaction.FeelingNamed), reply.Replies[0].Text);
        Assert.EndsWith("FACT-deposit: I paid a deposit.", reply.Replies[0].Text, StringComparison.Ordinal);
        Assert.Equal(["deposit"], session.State.RevealedFacts);
    }

    [Fact]
    public void The_voice_never_repeats_a_line_while_its_bank_has_unused_ones()
    {
        var persona = Persona();
        var voice = new RuleBasedPersonaVoice();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var lines = Enumerable.Range(1, LinesPerBank)
            .Select(turn => voice.Speak(new VoiceRequest(persona, Reaction.Unheard, new Mood(5, 5), 3, turn, used)).Single())
            .ToList();

        Assert.Equal(LinesPerBank, lines.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Time_pressure_is_voiced_one_turn_before_the_end_and_then_ends_the_scene_unresolved()
    {
        var session = Start("time");

        var first = session.Respond(Say.Nothing);
        var second = session.Respond(Say.Nothing);
        var last = session.Respond(Say.Nothing);

        Assert.DoesNotContain(first.Replies, u => IsFrom(u.Text, "maria", Reaction.TimePressure));
        Assert.Contains(second.Replies, u => IsFrom(u.Text, "maria", Reaction.TimePressure));
        Assert.Equal(SessionOutcome.Unresolved, last.Outcome);
        Assert.True(IsFrom(last.Replies[0].Text, "maria", Reaction.TimeUp));
        Assert.True(session.IsOver);
        Assert.Throws<InvalidOperationException>(() => session.Respond(Say.Empathy));
    }

    [Fact]
    public void The_customer_pushes_for_an_exception_only_after_a_refusal_and_stops_once_a_limit_is_accepted()
    {
        var session = Start("policy");
        var beforeAnyRefusal = new[] { session.Respond(Say.Nothing), session.Respond("Right.") };
        var pushback = session.Respond(Say.BareBoundary);
        var push = session.Respond("I'm afraid I can't do that.");
        var accepted = session.Respond(Say.BoundaryWithAlternative);
        var after = session.Respond("Right.");

        Assert.All(beforeAnyRefusal, turn => Assert.DoesNotContain(turn.Replies, u => IsFrom(u.Text, "maria", Reaction.ExceptionPush)));
        Assert.True(IsFrom(pushback.Replies[0].Text, "maria", Reaction.BoundaryPushback), pushback.Replies[0].Text);
        Assert.True(IsFrom(push.Replies[0].Text, "maria", Reaction.ExceptionPush), push.Replies[0].Text);
        Assert.True(IsFrom(accepted.Replies[0].Text, "maria", Reaction.BoundaryAccepted) ||
                    IsFrom(accepted.Replies[0].Text, "maria", Reaction.Resolved), accepted.Replies[0].Text);
        Assert.Equal(5, session.State.SuccessTurns[SuccessCriterion.BoundaryWithoutBlame]);
        Assert.False(session.State.ExceptionPending);
        Assert.DoesNotContain(after.Replies, u => IsFrom(u.Text, "maria", Reaction.ExceptionPush));
    }

    [Fact]
    public void An_early_accepted_boundary_means_no_exception_push_later()
    {
        var session = Start("policy");

        session.Respond(Say.BoundaryWithAlternative);
        var later = session.Respond(Say.Nothing);

        Assert.Equal(0, session.State.ExceptionPushes);
        Assert.False(IsFrom(later.Replies[0].Text, "maria", Reaction.ExceptionPush));
    }

    [Fact]
    public void A_bare_boundary_before_the_customer_feels_heard_meets_pushback()
    {
        var session = Start("policy");

        var reply = session.Respond(Say.BareBoundary);

        Assert.True(IsFrom(reply.Replies[0].Text, "maria", Reaction.BoundaryPushback));
        Assert.False(session.State.SuccessTurns.ContainsKey(SuccessCriterion.BoundaryWithoutBlame));
    }

    [Fact]
    public void Blaming_the_policy_after_a_refusal_costs_more_than_plain_blame()
    {
        // Low intensity keeps both customers below the 0–10 ceiling, which would hide the difference.
        var policy = Start("policy", intensity: Intensity.Low);
        var basic = Start("basic", intensity: Intensity.Low);
        foreach (var session in new[] { policy, basic })
        {
            session.Respond(Say.Nothing);
            session.Respond(Say.BareBoundary);
        }

        Assert.True(policy.State.ExceptionPending);
        var policyBefore = policy.State.Frustration;
        var basicBefore = basic.State.Frustration;
        var blamed = policy.Respond(Say.BlamePolicy);
        basic.Respond(Say.Blame);

        Assert.True(IsFrom(blamed.Replies[0].Text, "maria", Reaction.Blamed));
        Assert.True(policy.State.Frustration - policyBefore > basic.State.Frustration - basicBefore);
        Assert.False(policy.State.SuccessTurns.ContainsKey(SuccessCriterion.BoundaryWithoutBlame));
    }

    [Fact]
    public void An_outage_constraint_starts_mid_scene_and_then_needs_acknowledging_before_a_next_step_lands()
    {
        var session = Start("outage");
        session.Respond(Say.Empathy);
        var beforeOutage = session.State.Frustration;

        var outage = session.Respond(Say.Nothing);
        Assert.Contains(outage.Replies, u => IsFrom(u.Text, "maria", Reaction.OutageNoticed));
        Assert.True(session.State.OutageActive);
        Assert.True(session.State.Frustration >= beforeOutage + 3, "the outage should make the customer much angrier");

        var unacknowledged = session.Respond(Say.NextStep);
        Assert.False(session.State.SuccessTurns.ContainsKey(SuccessCriterion.AgreedNextStep));
        Assert.True(IsFrom(unacknowledged.Replies[0].Text, "maria", Reaction.Unheard));

        session.Respond(Say.AcknowledgeOutageAndNextStep);
        Assert.True(session.State.OutageAcknowledged && session.State.OutageHandled);
        Assert.Equal(4, session.State.SuccessTurns[SuccessCriterion.AgreedNextStep]);
    }

    [Fact]
    public void A_scenario_outage_event_speaks_its_own_line_and_voids_an_earlier_next_step()
    {
        var session = Start("outage-event");
        session.Respond(Say.NextStep);
        Assert.True(session.State.SuccessTurns.ContainsKey(SuccessCriterion.AgreedNextStep));

        var turn = session.Respond(Say.Nothing);

        Assert.Contains(turn.Replies, u => u.Text == "EVENT: the app just crashed on me!");
        Assert.False(session.State.SuccessTurns.ContainsKey(SuccessCriterion.AgreedNextStep));
    }

    [Fact]
    public void A_goal_swap_event_replaces_the_goal_and_the_next_step_must_be_agreed_again()
    {
        var session = Start("swap");
        session.Respond(Say.NextStep);

        var turn = session.Respond(Say.Nothing);

        Assert.Contains(turn.Replies, u => u.Text == "EVENT: actually, I want a refund.");
        Assert.Equal("get a refund", session.State.Goal);
        Assert.True(session.State.GoalSwapped);
        Assert.False(session.State.SuccessTurns.ContainsKey(SuccessCriterion.AgreedNextStep));
    }

    [Fact]
    public void Repeated_harm_escalates_and_the_customer_says_so()
    {
        var session = Start("basic");

        session.Respond(Say.Blame);
        var last = session.Respond(Say.Dismissive);

        Assert.Equal(SessionOutcome.Escalated, last.Outcome);
        Assert.Equal(new Mood(10, last.Mood.Trust), last.Mood);
        Assert.True(IsFrom(last.Replies.Single().Text, "maria", Reaction.Escalates));
        Assert.True(session.IsOver);
    }

    [Fact]
    public void Pause_keeps_the_state_refuses_turns_and_resume_carries_on()
    {
        var session = Start("basic");
        session.Respond(Say.Empathy);
        var before = session.State.Frustration;

        var paused = session.Pause();

        Assert.Equal(SessionOutcome.Paused, session.Outcome);
        Assert.False(session.IsOver);
        Assert.Contains("Nothing is scored", paused.Single().Text);
        Assert.Throws<InvalidOperationException>(() => session.Respond(Say.NextStep));
        Assert.Equal(before, session.State.Frustration);

        var resumed = session.Resume();
        Assert.Contains("last said", resumed.Single().Text);
        Assert.Equal(SessionOutcome.InProgress, session.Outcome);
        session.Respond(Say.SummaryAndConfirm);
        Assert.Equal(2, session.State.Turn);
        Assert.Throws<InvalidOperationException>(() => session.Resume());
    }

    [Fact]
    public void Stopped_and_paused_sessions_record_no_score()
    {
        var stopped = Play(Start("basic"), [Say.EmpathyAndQuestion, Say.Blame]);
        stopped.Stop();
        var paused = Play(Start("basic"), [Say.EmpathyAndQuestion]);
        paused.Pause();

        foreach (var report in new[] { stopped.Report(), paused.Report() })
        {
            Assert.False(report.Scored);
            Assert.Empty(report.Rubric);
            Assert.Empty(report.Success);
            Assert.Empty(report.Debrief.MissedMoments);
        }

        Assert.True(stopped.IsOver);
        Assert.Equal(SessionOutcome.Stopped, stopped.Report().Outcome);
        Assert.Throws<InvalidOperationException>(() => stopped.Respond(Say.Empathy));
    }

    [Fact]
    public void End_is_scored_on_the_state_so_far()
    {
        var unfinished = Play(Start("basic"), [Say.EmpathyAndQuestion]);
        var done = Play(Start("long"), [Say.EmpathyAndQuestion, Say.SummaryAndConfirm]);

        unfinished.End();

        var report = unfinished.Report();
        Assert.Equal(SessionOutcome.Unresolved, report.Outcome);
        Assert.True(report.Scored);
        Assert.Equal(new SuccessResult(true, 1), report.Success[SuccessCriterion.ValidatedFeelings]);
        Assert.Equal(new SuccessResult(false, null), report.Success[SuccessCriterion.AgreedNextStep]);
        Assert.NotEmpty(report.Rubric);
        Assert.Throws<InvalidOperationException>(() => unfinished.End());

        Assert.Equal(SessionOutcome.InProgress, done.Outcome);
        done.End();
        Assert.Equal(SessionOutcome.Unresolved, done.Outcome);
    }

    [Fact]
    public void Unknown_ids_fail_with_a_message_listing_known_ones()
    {
        var engine = Engine();

        var scenario = Assert.Throws<ArgumentException>(() => engine.Start(new SessionOptions("nope")));
        var persona = Assert.Throws<ArgumentException>(() => engine.Start(new SessionOptions("basic", "nobody")));

        Assert.Contains("Unknown scenario 'nope'", scenario.Message);
        Assert.Contains("Known scenarios: anxious-basic, basic, busy-basic", scenario.Message);
        Assert.Contains("more", scenario.Message);
        Assert.Contains("Unknown persona 'nobody'", persona.Message);
        Assert.Contains("maria", persona.Message);
    }

    [Fact]
    public void A_persona_id_in_the_options_overrides_the_scenarios_persona()
    {
        var session = Start("basic", personaId: "busy");

        Assert.Equal("busy", session.State.PersonaId);
        Assert.True(IsFrom(CustomerLines(session.Opening).Single(), "busy", Reaction.Opening));
    }
}
