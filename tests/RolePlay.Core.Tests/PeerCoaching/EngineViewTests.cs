using RolePlay.Core.Content;
using RolePlay.Core.Detection;
using RolePlay.Core.PeerCoaching;
using RolePlay.Core.Practice;
using RolePlay.Core.Storage;
using RolePlay.Core.Tests.Practice;

namespace RolePlay.Core.Tests.PeerCoaching;

/// <summary>The engine's side of the checklist, from turn logs written by hand: landed is yes, shown but not landed is
/// partly, never shown is no, and order and pairing matter where the behaviour says so.</summary>
public sealed class EngineViewTests
{
    private static TurnLog Turn(int turn, Behaviour labels, Behaviour landed, Reaction reaction = Reaction.Unheard) =>
        new(turn, "agent words", labels, landed, reaction, "customer words");

    private static ChecklistAnswer? Judge(EngineSignal signal, bool fixedPolicy, params TurnLog[] turns) =>
        EngineView.Judge(signal, turns, fixedPolicy);

    [Fact]
    public void A_feeling_is_named_when_empathy_landed_and_partly_when_it_only_showed()
    {
        Assert.Equal(ChecklistAnswer.Yes, Judge(EngineSignal.FeelingNamed, false, Turn(1, Behaviour.Empathy, Behaviour.Empathy, Reaction.FeelingNamed)));
        Assert.Equal(ChecklistAnswer.Partly, Judge(EngineSignal.FeelingNamed, false, Turn(1, Behaviour.Empathy, Behaviour.None, Reaction.Canned)));
        Assert.Equal(ChecklistAnswer.No, Judge(EngineSignal.FeelingNamed, false, Turn(1, Behaviour.NextStep, Behaviour.NextStep)));
    }

    [Fact]
    public void An_open_question_counts_first_only_before_the_first_fix()
    {
        var asked = Turn(1, Behaviour.OpenQuestion, Behaviour.OpenQuestion, Reaction.OpensUp);
        var fixing = Turn(2, Behaviour.NextStep, Behaviour.NextStep, Reaction.NextStepAccepted);
        Assert.Equal(ChecklistAnswer.Yes, Judge(EngineSignal.OpenQuestionFirst, false, asked, fixing));
        Assert.Equal(ChecklistAnswer.Yes, Judge(EngineSignal.OpenQuestionFirst, false, asked));
        Assert.Equal(ChecklistAnswer.Partly, Judge(EngineSignal.OpenQuestionFirst, false, fixing with { Turn = 1 }, asked with { Turn = 2 }));
        // Asked in the same breath as the fix is not "before solving".
        Assert.Equal(ChecklistAnswer.Partly, Judge(EngineSignal.OpenQuestionFirst, false,
            Turn(1, Behaviour.OpenQuestion | Behaviour.Collaboration, Behaviour.OpenQuestion | Behaviour.Collaboration)));
        Assert.Equal(ChecklistAnswer.No, Judge(EngineSignal.OpenQuestionFirst, false, fixing));
    }

    [Fact]
    public void A_summary_is_checked_in_the_same_message_the_next_one_or_by_the_customer()
    {
        var summary = Turn(1, Behaviour.Summary, Behaviour.Summary, Reaction.Tells);
        Assert.Equal(ChecklistAnswer.Yes, Judge(EngineSignal.SummaryChecked, false,
            Turn(1, Behaviour.Summary | Behaviour.Confirmation, Behaviour.Summary | Behaviour.Confirmation)));
        Assert.Equal(ChecklistAnswer.Yes, Judge(EngineSignal.SummaryChecked, false, summary, Turn(2, Behaviour.Confirmation, Behaviour.Confirmation)));
        Assert.Equal(ChecklistAnswer.Yes, Judge(EngineSignal.SummaryChecked, false, summary with { Reaction = Reaction.SummaryConfirmed }));
        Assert.Equal(ChecklistAnswer.Partly, Judge(EngineSignal.SummaryChecked, false, summary));
        // A wrong summary showed but did not land: partly, even when checked.
        Assert.Equal(ChecklistAnswer.Partly, Judge(EngineSignal.SummaryChecked, false,
            Turn(1, Behaviour.Summary | Behaviour.Confirmation, Behaviour.Confirmation, Reaction.CorrectsSummary)));
        Assert.Equal(ChecklistAnswer.No, Judge(EngineSignal.SummaryChecked, false, Turn(1, Behaviour.Confirmation, Behaviour.Confirmation)));
    }

    [Fact]
    public void A_next_step_needs_its_time_to_count_fully()
    {
        Assert.Equal(ChecklistAnswer.Yes, Judge(EngineSignal.TimedNextStep, false, Turn(1, Behaviour.NextStep, Behaviour.NextStep, Reaction.PlanEcho)));
        Assert.Equal(ChecklistAnswer.Partly, Judge(EngineSignal.TimedNextStep, false, Turn(1, Behaviour.NextStep, Behaviour.NextStep, Reaction.NextStepAccepted)));
        Assert.Equal(ChecklistAnswer.Partly, Judge(EngineSignal.TimedNextStep, false, Turn(1, Behaviour.NextStep, Behaviour.None, Reaction.WantsSpecifics)));
        Assert.Equal(ChecklistAnswer.No, Judge(EngineSignal.TimedNextStep, false, Turn(1, Behaviour.Empathy, Behaviour.Empathy)));
    }

    [Fact]
    public void A_limit_is_judged_only_where_one_was_set_or_held()
    {
        var held = Turn(1, Behaviour.Boundary, Behaviour.Boundary, Reaction.BoundaryAccepted);
        Assert.Equal(ChecklistAnswer.Yes, Judge(EngineSignal.LimitWithoutBlame, true, held));
        Assert.Equal(ChecklistAnswer.Yes, Judge(EngineSignal.LimitWithoutBlame, false, held));
        Assert.Equal(ChecklistAnswer.Partly, Judge(EngineSignal.LimitWithoutBlame, true, held, Turn(2, Behaviour.Blame, Behaviour.Blame, Reaction.Blamed)));
        Assert.Equal(ChecklistAnswer.Partly, Judge(EngineSignal.LimitWithoutBlame, true, Turn(1, Behaviour.Boundary, Behaviour.None, Reaction.BoundaryPushback)));
        Assert.Equal(ChecklistAnswer.No, Judge(EngineSignal.LimitWithoutBlame, true, Turn(1, Behaviour.Empathy, Behaviour.Empathy)));
        Assert.Null(Judge(EngineSignal.LimitWithoutBlame, false, Turn(1, Behaviour.Empathy, Behaviour.Empathy)));
    }

    [Fact]
    public void Solving_together_is_collaboration_that_landed()
    {
        Assert.Equal(ChecklistAnswer.Yes, Judge(EngineSignal.SolvedTogether, false, Turn(1, Behaviour.Collaboration, Behaviour.Collaboration)));
        Assert.Equal(ChecklistAnswer.Partly, Judge(EngineSignal.SolvedTogether, false, Turn(1, Behaviour.Collaboration, Behaviour.None)));
        Assert.Equal(ChecklistAnswer.No, Judge(EngineSignal.SolvedTogether, false));
    }

    [Fact]
    public void A_checklist_gets_one_answer_per_behaviour_from_a_played_practice()
    {
        var checklist = RolePlay.Core.Content.Loading.ContentLoader.LoadShipped().EnsureValid().Checklists[PeerChecklist.Shipped];
        var session = TestContent.Play(TestContent.Start(TestContent.Scenarios[0].Id, seed: 3, warmUp: false), [Say.Empathy]);

        var view = EngineView.Of(checklist, session.State, TestContent.Scenarios[0]);

        Assert.Equal(checklist.Behaviours.Select(b => b.Id), view.Keys);
        Assert.Equal(ChecklistAnswer.Yes, view["named-the-feeling"]);
        Assert.Equal(ChecklistAnswer.No, view["next-step-with-a-time"]);
    }
}
