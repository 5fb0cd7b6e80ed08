using RolePlay.Core.Practice;
using static RolePlay.Core.Tests.Practice.TestContent;

namespace RolePlay.Core.Tests.Practice;

public class GroupPracticeTests
{
    private static GroupSession Group() => new(Engine(), new SessionOptions("basic"));

    [Fact]
    public void A_group_needs_exactly_one_agent_to_start()
    {
        var nobody = Group();
        nobody.Join("olu", PracticeRole.Observer);
        var two = Group();
        two.Join("ana", PracticeRole.Agent);
        two.Join("ben", PracticeRole.Agent);

        Assert.Contains("exactly one agent", Assert.Throws<InvalidOperationException>(() => nobody.Start()).Message);
        Assert.Contains("2 have opted in", Assert.Throws<InvalidOperationException>(() => two.Start()).Message);

        two.Join("ben", PracticeRole.Observer);
        var session = two.Start();
        Assert.Equal("ana", two.AgentId);
        Assert.Same(session, two.Session);
        Assert.Throws<InvalidOperationException>(() => two.Join("cy", PracticeRole.Observer));
    }

    [Fact]
    public void Only_the_agent_replies_and_observers_see_the_transcript_and_add_to_the_debrief()
    {
        var group = Group();
        group.Join("ana", PracticeRole.Agent);
        group.Join("olu", PracticeRole.Observer);
        group.Start();

        group.Respond("ana", Say.EmpathyAndQuestion);
        group.Observe("olu", "Lovely warm first line.");

        Assert.Throws<InvalidOperationException>(() => group.Respond("olu", Say.NextStep));
        Assert.Throws<InvalidOperationException>(() => group.Observe("ana", "I did well"));
        Assert.Throws<InvalidOperationException>(() => group.TranscriptFor("stranger"));
        Assert.Equal(group.Session!.Transcript, group.TranscriptFor("olu"));

        group.Respond("ana", Say.SummaryAndConfirm);
        group.Respond("ana", Say.NextStep);
        Assert.Contains("observer olu (turn 1): Lovely warm first line.", group.Session.Report().Debrief.Observations);
    }

    [Fact]
    public void Nothing_happens_before_the_start()
    {
        var group = Group();
        group.Join("ana", PracticeRole.Agent);

        Assert.Throws<InvalidOperationException>(() => group.Respond("ana", Say.Empathy));
        Assert.Throws<ArgumentException>(() => group.Join(" ", PracticeRole.Observer));
    }
}
