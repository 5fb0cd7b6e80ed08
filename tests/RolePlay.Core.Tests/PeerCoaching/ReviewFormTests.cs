using RolePlay.Core.Content;
using RolePlay.Core.Content.Loading;
using RolePlay.Core.PeerCoaching;
using RolePlay.Core.Storage;
using Inputs = RolePlay.Core.Chat.CardVerbs.Inputs;

namespace RolePlay.Core.Tests.PeerCoaching;

public sealed class ReviewFormTests
{
    private static readonly PeerChecklist Checklist = ContentLoader.LoadShipped().EnsureValid().Checklists[PeerChecklist.Shipped];

    private static Dictionary<string, string> AllAnswered(string answer = "yes") =>
        Checklist.Behaviours.ToDictionary(b => Inputs.ChecklistPrefix + b.Id, _ => answer);

    [Fact]
    public void A_complete_review_is_read_with_its_lines_tidied()
    {
        var values = AllAnswered("partly");
        values[Inputs.Landed] = "  You named\nthe worry  first. ";
        values[Inputs.TryNext] = "   ";

        var form = ReviewForm.Read(Checklist, values);

        Assert.Empty(form.Errors);
        Assert.All(form.Answers!.Values, a => Assert.Equal(ChecklistAnswer.Partly, a));
        Assert.Equal(Checklist.Behaviours.Count, form.Answers!.Count);
        Assert.Equal("You named the worry first.", form.Landed);
        Assert.Null(form.TryNext);
    }

    [Fact]
    public void Missing_answers_and_a_missing_first_line_are_refused_per_input()
    {
        var values = AllAnswered();
        values.Remove(Inputs.ChecklistPrefix + "solved-together");
        values[Inputs.ChecklistPrefix + "named-the-feeling"] = "definitely";

        var form = ReviewForm.Read(Checklist, values);

        Assert.Null(form.Answers);
        Assert.Equal(
            new Dictionary<string, string>
            {
                [Inputs.ChecklistPrefix + "named-the-feeling"] = "Choose yes, partly or no.",
                [Inputs.ChecklistPrefix + "solved-together"] = "Choose yes, partly or no.",
                [Inputs.Landed] = "Write one thing that landed: what they said or did that worked.",
            }, form.Errors);
    }

    [Fact]
    public void Criticism_without_what_landed_and_overlong_lines_are_refused()
    {
        var values = AllAnswered("no");
        values[Inputs.TryNext] = "Everything.";
        Assert.Equal("Start with what landed: one thing that worked, before what to try next.", ReviewForm.Read(Checklist, values).Errors[Inputs.Landed]);

        values[Inputs.Landed] = new string('a', ChecklistCards.MaxLineLength + 1);
        values[Inputs.TryNext] = new string('b', ChecklistCards.MaxLineLength + 1);
        var form = ReviewForm.Read(Checklist, values);
        Assert.Equal([Inputs.Landed, Inputs.TryNext], form.Errors.Keys.Order());
        Assert.Null(form.Answers);
    }
}
