using RolePlay.Core.Chat;
using RolePlay.Core.Content;
using RolePlay.Core.Practice;
using static RolePlay.Core.Tests.Practice.TestContent;

namespace RolePlay.Core.Tests.Practice;

public class CoachAndFacilitatorTests
{
    private static readonly string[] CueTexts =
    [
        "CUE-feeling: name the feeling now", "CUE-question: ask one open question", "CUE-blame: drop the blame",
        "CUE-dismissive: take it seriously", "CUE-next: agree a next step", "Drop the blame: own what you can do instead.",
    ];

    /// <summary>The cue cards the coach showed this turn; each nudge says first which moment was missed, then the card.</summary>
    private static List<string> CoachLines(TurnResult turn) =>
        turn.Replies.Where(u => u.Speaker == Speaker.Coach)
            .Select(u => CueTexts.FirstOrDefault(cue => u.Text.EndsWith(" " + cue, StringComparison.Ordinal)) ?? u.Text)
            .ToList();

    [Fact]
    public void A_nudge_says_which_moment_was_missed_before_the_card()
    {
        var session = Start("basic");
        var turn = session.Respond(Say.Nothing);

        var nudge = Assert.Single(turn.Replies, u => u.Speaker == Speaker.Coach);
        Assert.Equal("Missed moment: Maria has told you how this feels and nobody has named it yet. CUE-feeling: name the feeling now", nudge.Text);
    }

    [Fact]
    public void A_feeling_voiced_twice_and_not_named_brings_the_feeling_cue_once()
    {
        var session = Start("basic");

        var first = session.Respond(Say.Nothing);
        var second = session.Respond(Say.Nothing);

        Assert.Equal(["CUE-feeling: name the feeling now"], CoachLines(first));
        Assert.DoesNotContain("CUE-feeling: name the feeling now", CoachLines(second));
    }

    [Fact]
    public void A_named_feeling_brings_no_feeling_cue()
    {
        var session = Start("basic");

        var turn = session.Respond(Say.Empathy);
        session.Respond(Say.Nothing);

        Assert.Empty(CoachLines(turn));
        Assert.DoesNotContain(session.Transcript, u => u.Text.StartsWith("CUE-feeling", StringComparison.Ordinal));
    }

    [Fact]
    public void No_open_question_by_the_third_turn_brings_the_question_cue()
    {
        var session = Start("basic");

        var early = new[] { session.Respond(Say.Empathy), session.Respond(Say.SummaryAndConfirm) };
        var third = session.Respond(Say.Collaboration);

        Assert.All(early, turn => Assert.DoesNotContain("CUE-question: ask one open question", CoachLines(turn)));
        Assert.Contains("CUE-question: ask one open question", CoachLines(third));
    }

    [Fact]
    public void A_turn_that_misses_several_moments_gets_one_nudge_the_most_pressing_and_the_rest_wait()
    {
        var session = Start("basic");
        session.Respond(Say.Empathy);
        session.Respond(Say.SummaryAndConfirm);

        var harmful = session.Respond(Say.Blame);
        var next = session.Respond(Say.Collaboration);

        Assert.Equal(["CUE-blame: drop the blame"], CoachLines(harmful));
        Assert.Equal(["CUE-question: ask one open question"], CoachLines(next));
    }

    [Fact]
    public void An_early_open_question_means_no_question_cue()
    {
        var session = Play(Start("long"), [Say.OpenQuestion, Say.Empathy, Say.Empathy, Say.Empathy]);

        Assert.DoesNotContain(session.Transcript, u => u.Text.StartsWith("CUE-question", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_new_blame_brings_the_blame_cue()
    {
        var session = Start("calm-basic");

        var first = session.Respond(Say.Blame);
        var kind = session.Respond(Say.Empathy);
        var second = session.Respond(Say.Blame);

        Assert.Contains("CUE-blame: drop the blame", CoachLines(first));
        Assert.Empty(CoachLines(kind));
        Assert.Contains("CUE-blame: drop the blame", CoachLines(second));
    }

    [Fact]
    public void The_dismissive_cue_shows_once()
    {
        var session = Start("calm-basic");

        var first = session.Respond(Say.Dismissive);
        var second = session.Respond(Say.Dismissive);

        Assert.Contains("CUE-dismissive: take it seriously", CoachLines(first));
        Assert.DoesNotContain("CUE-dismissive: take it seriously", CoachLines(second));
    }

    [Fact]
    public void No_next_step_with_one_turn_left_brings_the_next_step_cue()
    {
        var session = Start("basic");
        var turns = new List<TurnResult>();
        for (var i = 0; i < 5; i++)
        {
            turns.Add(session.Respond(i % 2 == 0 ? Say.OpenQuestion : Say.Empathy));
        }

        Assert.All(turns.Take(4), turn => Assert.DoesNotContain("CUE-next: agree a next step", CoachLines(turn)));
        Assert.Contains("CUE-next: agree a next step", CoachLines(turns[4]));
    }

    [Fact]
    public void The_coach_uses_built_in_cards_when_the_catalog_has_none()
    {
        var catalog = Catalog() with { CueCards = new Dictionary<string, CueCard>() };
        var session = new PracticeEngine(catalog, Say.Detector(), new RuleBasedPersonaVoice())
            .Start(new SessionOptions("basic"));

        var turn = session.Respond(Say.Blame);

        Assert.Contains("Drop the blame: own what you can do instead.", CoachLines(turn));
    }

    [Fact]
    public void A_facilitator_injects_a_catalog_card_or_their_own_words()
    {
        var session = Start("basic");

        var byId = session.Facilitate(new InjectCue("cue-feeling"));
        var free = session.Facilitate(new InjectCue("  Try a summary now.  "));

        Assert.Equal([new Utterance(Speaker.Coach, "CUE-feeling: name the feeling now")], byId);
        Assert.Equal([new Utterance(Speaker.Coach, "Try a summary now.")], free);
        Assert.Equal(free[0], session.Transcript[^1]);
        Assert.Throws<ArgumentException>(() => session.Facilitate(new InjectCue(" ")));
    }

    [Fact]
    public void A_facilitator_starts_an_outage_that_the_customer_notices()
    {
        var session = Play(Start("basic"), [Say.Empathy]);
        var before = session.State.Frustration;

        var said = session.Facilitate(new StartOutage("the booking system goes down"));

        Assert.Equal(new Utterance(Speaker.Coach, "Environment change: the booking system goes down"), said[0]);
        Assert.True(IsFrom(said[1].Text, "maria", Reaction.OutageNoticed));
        Assert.Equal(before + 3, session.State.Frustration, 6);
        Assert.Throws<InvalidOperationException>(() => session.Facilitate(new StartOutage("again")));

        var unacknowledged = session.Respond(Say.NextStep);
        Assert.True(IsFrom(unacknowledged.Replies[0].Text, "maria", Reaction.Unheard));
        session.Respond(Say.AcknowledgeOutageAndNextStep);
        Assert.True(session.State.OutageHandled);
    }

    [Fact]
    public void A_facilitator_swaps_the_goal_with_or_without_a_line()
    {
        var session = Play(Start("basic"), [Say.NextStep]);

        var scripted = session.Facilitate(new SwapGoal("cancel everything", "Forget it, cancel everything."));
        var banked = session.Facilitate(new SwapGoal("rebook for May"));

        Assert.Equal("Forget it, cancel everything.", scripted.Single(u => u.Speaker == Speaker.Customer).Text);
        Assert.True(IsFrom(banked.Single(u => u.Speaker == Speaker.Customer).Text, "maria", Reaction.GoalSwap));
        Assert.Equal("rebook for May", session.State.Goal);
        Assert.False(session.State.SuccessTurns.ContainsKey(SuccessCriterion.AgreedNextStep));
        Assert.Throws<ArgumentException>(() => session.Facilitate(new SwapGoal("")));
    }

    [Fact]
    public void A_facilitator_cannot_act_on_a_paused_or_finished_scene()
    {
        var paused = Start("basic");
        paused.Pause();
        var stopped = Start("basic");
        stopped.Stop();

        Assert.Throws<InvalidOperationException>(() => paused.Facilitate(new InjectCue("cue-free")));
        Assert.Throws<InvalidOperationException>(() => stopped.Facilitate(new InjectCue("cue-free")));
    }
}
