using RolePlay.Core.Chat;
using RolePlay.Core.Settings;
using RolePlay.Core.Storage;
using RolePlay.Core.TeamSetup;
using RolePlay.Slack.Inbound;
using RolePlay.Studio.Transcripts;
using RolePlay.Teams.Inbound;
using RolePlay.Core.Voice;

namespace RolePlay.Bot.Tests.TeamFeatures;

/// <summary>A team made on the studio's Team page (by people signed in with their Slack or Teams identity) takes a
/// channel as its own with "team connect": the channel's commands act on that team from then on, its id (and with it
/// every weekly figure, member and commitment) unchanged.</summary>
public sealed class TeamConnectTests : TeamFeatureTest
{
    private static readonly ChannelUser Kim = new("slack", "T1", "U0KIM", "Kim");
    private static readonly TenantScope Workspace = new("slack", "T1");

    [Fact]
    public async Task A_studio_team_connected_to_a_Slack_channel_keeps_its_id_members_and_set_up()
    {
        var team = await StudioTeamAsync(Sam, "Night shift", Kim);

        var connected = Text(await Bot.SayInAsync(SlackSupport, Sam, "team connect"));

        Assert.StartsWith("Connected: this channel is now Night shift's (2 members)", connected, StringComparison.Ordinal);
        Assert.Equal("Night shift: team set-up", Assert.Single(Cards(await Bot.SayInAsync(SlackSupport, Kim, "team show"))).Title);
        Assert.Contains("09:15", Text(await Bot.SayInAsync(SlackSupport, Sam, "team standup 09:15")));
        Assert.Contains("Listen first", Text(await Bot.SayInAsync(SlackSupport, Sam, "team values Listen first; Own the outcome")));
        await Bot.SayInAsync(SlackSupport, Kim, "team join");

        var stored = (await Bot.Teams.GetAsync(Workspace, team.TeamId, Ct))!;
        Assert.Equal((SlackSupport.ConversationId, new TimeOnly(9, 15)), (stored.StandupChannelId, stored.StandupTime));
        Assert.Equal(["Listen first", "Own the outcome"], stored.ServiceValues);
        Assert.Null(await Bot.Teams.GetAsync(Workspace, SlackSupport.TeamId!, Ct));
        Assert.Equal([team.TeamId], (await Bot.Teams.ListAsync(Workspace, Ct)).Select(t => t.TeamId));
        Assert.Equal(2, (await Bot.Teams.ListMembersAsync(Workspace, team.TeamId, Ct)).Count);
        Assert.Equal(team.TeamId, (await Bot.People.GetAsync(KeyOf(Kim), Ct))!.TeamId);
        Assert.DoesNotContain("Only this team's managers", Text(await Bot.SayInAsync(SlackSupport, Sam, "routines status")), StringComparison.Ordinal);

        Assert.Equal("This channel is already connected to Night shift.", Text(await Bot.SayInAsync(SlackSupport, Sam, "team connect")));
    }

    [Fact]
    public async Task Only_a_manager_connects_and_a_channel_with_a_team_of_its_own_keeps_it()
    {
        await StudioTeamAsync(Sam, "Night shift", Kim);
        Assert.StartsWith("Only a team's manager connects it", Text(await Bot.SayInAsync(SlackSupport, Kim, "team connect")), StringComparison.Ordinal);
        Assert.Null(await Bot.Teams.FindConnectedAsync(Workspace, SlackSupport.TeamId!, Ct));

        // Teams: the channel's team was set up there first, so Mia's studio team does not take it over.
        await Bot.SayInAsync(General, Ben, "team standup 09:15");
        await StudioTeamAsync(Mia, "Day shift");
        var refused = Text(await Bot.SayInAsync(General, Mia, "team connect"));
        Assert.StartsWith("This channel has a team of its own, with its own history", refused, StringComparison.Ordinal);
        Assert.Null(await Bot.Teams.FindConnectedAsync(TenantA, "team-1", Ct));
        Assert.Equal("team-1", (await Bot.People.GetAsync(KeyOf(Ben), Ct))!.TeamId);
    }

    /// <summary>What the studio's Team page does for a signed-in person: a new team they manage, and members joining it
    /// by invite.</summary>
    private async Task<TeamRecord> StudioTeamAsync(ChannelUser founder, string name, params ChannelUser[] members)
    {
        var settings = new TeamSettings(Bot.People, Bot.Teams,
            [ActivityTranslator.DefaultReactions, SlackInbound.DefaultReactions, StudioDelivery.DefaultReactions], ModelVoiceEndpoints.None, Bot.Services<RolePlay.Core.Content.ContentCatalog>(), Bot.Clock);
        var team = await settings.CreateAsync(PersonSettings.NewPerson(founder), name, "Europe/London", [], Ct);
        foreach (var member in members)
        {
            await settings.AddMemberAsync(await Bot.People.SaveAsync(PersonSettings.NewPerson(member), Ct), team.Tenant, team.TeamId, Ct);
        }

        return team;
    }
}
