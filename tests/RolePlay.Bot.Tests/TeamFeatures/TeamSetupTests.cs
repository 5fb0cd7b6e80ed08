using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Core.Practice;
using RolePlay.Core.Storage;

namespace RolePlay.Bot.Tests.TeamFeatures;

/// <summary>Team set-up typed in a channel (a Teams mention) or as a Slack slash command, stored through the team and
/// people stores.</summary>
public sealed class TeamSetupTests : TeamFeatureTest
{
    [Fact]
    public async Task The_first_person_to_set_up_a_team_becomes_its_manager_and_the_setup_is_stored()
    {
        var standup = await Bot.SayInAsync(General, Mia, "team standup 09:15");
        Assert.Contains("09:15", Text(standup));
        Assert.Contains("you're its manager", Text(standup));

        Assert.Contains("Europe/London", Text(await Bot.SayInAsync(Floor, Mia, "team timezone Europe/London")));
        await Bot.SayInAsync(General, Mia, "team values Listen first;  Own the outcome ; Listen first; Keep it simple");
        await Bot.SayInAsync(General, Mia, "team emoji win laugh");
        await Bot.SayInAsync(General, Mia, "team emoji recognition :clap:");

        // Both channels belong to the Teams team, so it is one team.
        var team = await Bot.Teams.GetAsync(TenantA, "team-1", Ct);
        Assert.NotNull(team);
        Assert.Equal(General.ConversationId, team.StandupChannelId);
        Assert.Equal(new TimeOnly(9, 15), team.StandupTime);
        Assert.Equal("Europe/London", team.TimeZone);
        Assert.Equal(["Listen first", "Own the outcome", "Keep it simple"], team.ServiceValues);
        Assert.Equal(("laugh", "clap"), (team.EmpathyWinEmoji, team.RecognitionEmoji));

        var mia = await Bot.People.GetAsync(KeyOf(Mia), Ct);
        Assert.Equal((PersonRole.Manager, "team-1"), (mia!.Role, mia.TeamId));
        Assert.Equal(ConsentState.NotAsked, mia.Consent); // managing a team is not consent to practice prompts
        Assert.Contains(await Bot.Teams.ListMembersAsync(TenantA, "team-1", Ct), m => m.Person == KeyOf(Mia));

        var shown = Assert.Single(Cards(await Bot.SayInAsync(Floor, Ben, "team show")));
        Assert.Contains("Service values: Listen first; Own the outcome; Keep it simple", CardTexts(shown));
        Assert.Contains("Recognition emoji: :clap: (managers, on peer feedback)", CardTexts(shown));
    }

    [Fact]
    public async Task Only_managers_change_the_setup_and_a_manager_can_name_another()
    {
        await Bot.SayInAsync(General, Mia, "team standup 09:15");

        var refused = await Bot.SayInAsync(General, Ben, "team standup 10:00");
        Assert.Contains("Only this team's managers can change its set-up", Text(refused));
        Assert.Equal(new TimeOnly(9, 15), (await Bot.Teams.GetAsync(TenantA, "team-1", Ct))!.StandupTime);

        Assert.Contains("29:ben is now a manager", Text(await Bot.SayInAsync(General, Mia, "team manager 29:ben")));
        Assert.Contains("10:00", Text(await Bot.SayInAsync(General, Ben, "team standup 10:00")));
        Assert.Equal(new TimeOnly(10, 0), (await Bot.Teams.GetAsync(TenantA, "team-1", Ct))!.StandupTime);
        var ben = await Bot.People.GetAsync(KeyOf(Ben), Ct);
        Assert.Equal((PersonRole.Manager, "team-1", ConsentState.NotAsked), (ben!.Role, ben.TeamId, ben.Consent));
    }

    [Fact]
    public async Task Promoting_someone_who_is_on_another_team_is_refused_and_leaves_both_teams_as_they_were()
    {
        var other = new ConversationAddress("teams", "tenant-a", "19:other@thread.tacv2", ConversationKind.Channel, TeamId: "team-2");
        await Bot.SayInAsync(other, Ben, "team standup 08:00");
        await Bot.SayInAsync(General, Mia, "team standup 09:15");

        Assert.Contains("Ben is on another team", Text(await Bot.SayInAsync(General, Mia, "team manager 29:ben")));

        var ben = await Bot.People.GetAsync(KeyOf(Ben), Ct);
        Assert.Equal((PersonRole.Manager, "team-2"), (ben!.Role, ben.TeamId));
        Assert.DoesNotContain(await Bot.Teams.ListMembersAsync(TenantA, "team-1", Ct), m => m.Person == KeyOf(Ben));

        // Once Ben joins team 1 himself, he can be made its manager.
        await Bot.SayInAsync(General, Ben, "team join");
        Assert.Contains("29:ben is now a manager", Text(await Bot.SayInAsync(General, Mia, "team manager 29:ben")));
    }

    [Fact]
    public async Task A_manager_marks_a_member_as_a_new_hire_and_back_and_nobody_else_can()
    {
        await Bot.SayInAsync(General, Mia, "team standup 09:15");
        Assert.Contains("isn't a member of this team", Text(await Bot.SayInAsync(General, Mia, "team newhire 29:ben")));
        await Bot.SayInAsync(General, Ben, "team join");

        Assert.Contains("Only this team's managers", Text(await Bot.SayInAsync(General, Ben, "team newhire 29:ben")));
        Assert.False((await Bot.People.GetAsync(KeyOf(Ben), Ct))!.IsNewHire);

        Assert.Contains("marked as a new hire", Text(await Bot.SayInAsync(General, Mia, "team newhire 29:ben")));
        Assert.True((await Bot.People.GetAsync(KeyOf(Ben), Ct))!.IsNewHire);

        Assert.Contains("no longer marked", Text(await Bot.SayInAsync(General, Mia, "team newhire 29:ben off")));
        Assert.False((await Bot.People.GetAsync(KeyOf(Ben), Ct))!.IsNewHire);
        Assert.Contains("Name one member", Text(await Bot.SayInAsync(General, Mia, "team newhire")));
    }

    [Theory]
    [InlineData("team timezone Mars/Olympus", "not a time zone I know")]
    [InlineData("team standup 25:00", "I couldn't read “25:00”")]
    [InlineData("team values ;  ; ", "separated by “;”")]
    [InlineData("team values a;b;c;d;e;f;g;h;i;j;k", "keep it to 10 or fewer")]
    [InlineData("team emoji win", "team emoji win :sparkles:")]
    [InlineData("team emoji party :tada:", "not an emoji role")]
    [InlineData("team emoji win <b>bold</b>", "not an emoji name")]
    [InlineData("team emoji recognition heart", "must differ")]
    [InlineData("team manager two words", "Name one person")]
    [InlineData("team launch rockets", "not a team command I know")]
    public async Task Bad_values_get_a_clear_error_and_change_nothing(string command, string expected)
    {
        await Bot.SayInAsync(General, Mia, "team standup 09:15");
        var before = await Bot.Teams.GetAsync(TenantA, "team-1", Ct);

        Assert.Contains(expected, Text(await Bot.SayInAsync(General, Mia, command)));
        Assert.Equal(before!.Version, (await Bot.Teams.GetAsync(TenantA, "team-1", Ct))!.Version);
    }

    [Fact]
    public async Task Slack_slash_commands_set_up_the_workspace_team()
    {
        // As the Slack translator hands them on: mentions as #id and @id, emoji without skin tones.
        await Bot.SayInAsync(SlackSupport, Sam, "/practice team standup #C0SUPPORT 08:45");
        await Bot.SayInAsync(SlackSupport, Sam, "/practice team emoji recognition :clap:");
        await Bot.SayInAsync(SlackSupport, Sam, "/practice team emoji win :sparkles:");
        await Bot.SayInAsync(SlackSupport, Sam, "/practice team manager @U0LEE");

        var team = await Bot.Teams.GetAsync(new TenantScope("slack", "T1"), "T1", Ct);
        Assert.Equal(("C0SUPPORT", new TimeOnly(8, 45)), (team!.StandupChannelId, team.StandupTime));
        Assert.Equal(("sparkles", "clap"), (team.EmpathyWinEmoji, team.RecognitionEmoji));
        Assert.Equal(PersonRole.Manager, (await Bot.People.GetAsync(new PersonKey("slack", "T1", "U0LEE"), Ct))!.Role);
    }

    [Fact]
    public async Task A_standup_channel_named_from_elsewhere_is_refused_so_shared_practice_stays_in_the_team()
    {
        await Bot.SayInAsync(SlackSupport, Sam, "/practice team standup 08:45");

        var refused = Text(await Bot.SayInAsync(SlackSupport, Sam, "/practice team standup #CPRIVATE9 09:00"));

        Assert.Contains("type this in #CPRIVATE9 itself", refused);
        var team = await Bot.Teams.GetAsync(new TenantScope("slack", "T1"), "T1", Ct);
        Assert.Equal(("C0SUPPORT", new TimeOnly(8, 45)), (team!.StandupChannelId, team.StandupTime));

        // Typed in the channel itself, by the team's manager, it moves.
        var hrPrivate = SlackSupport with { ConversationId = "CPRIVATE9" };
        Assert.Contains("in this channel", Text(await Bot.SayInAsync(hrPrivate, Sam, "/practice team standup 09:00")));
        Assert.Equal("CPRIVATE9", (await Bot.Teams.GetAsync(new TenantScope("slack", "T1"), "T1", Ct))!.StandupChannelId);
    }

    [Fact]
    public async Task Joining_is_membership_not_consent_and_leaving_is_one_click()
    {
        await Bot.SayInAsync(General, Mia, "team standup 09:15");

        var joined = await Bot.SayInAsync(Floor, Ana, "team join");
        Assert.Contains("I won't send you anything until you opt in yourself", Text(joined));
        var ana = await Bot.People.GetAsync(KeyOf(Ana), Ct);
        Assert.Equal((ConsentState.NotAsked, "team-1", PersonRole.Agent), (ana!.Consent, ana.TeamId, ana.Role));
        Assert.Contains(await Bot.Teams.ListMembersAsync(TenantA, "team-1", Ct), m => m.Person == KeyOf(Ana));

        var leave = (SubmitAction)Assert.Single(Cards(joined)).Actions.Single();
        var left = await Bot.Router.HandleAsync(new CardSubmitted(Ana, Floor, Now, leave.Verb, leave.Data), Ct);
        Assert.Contains("left the team", Text(left));
        Assert.NotNull(left.ReplaceCard);
        Assert.DoesNotContain(await Bot.Teams.ListMembersAsync(TenantA, "team-1", Ct), m => m.Person == KeyOf(Ana));
        Assert.Null((await Bot.People.GetAsync(KeyOf(Ana), Ct))!.TeamId);
    }

    [Fact]
    public async Task Channel_messages_that_are_not_team_commands_get_the_channel_help()
    {
        Assert.Contains("team help", Text(await Bot.SayInAsync(General, Ana, "hello bot")));
        Assert.Contains("team standup 09:15 — typed in the standup channel", Text(await Bot.SayInAsync(General, Ana, "team help")));
        Assert.Contains("isn't set up yet", Text(await Bot.SayInAsync(General, Ana, "team show")));
    }
}
