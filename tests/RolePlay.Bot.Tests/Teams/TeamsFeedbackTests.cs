using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Core.Storage;
using RolePlay.Testing.Teams;

namespace RolePlay.Bot.Tests.Teams;

/// <summary>Peer feedback and its recognition through the real Teams adapter. Teams reports reactions only on the
/// bot's own messages and never names their author, so feedback goes through the bot ("feedback …"), the adapter
/// remembers whose it is, and a manager's reaction to the relay is credited to the peer.</summary>
public sealed class TeamsFeedbackTests : TeamsHostTest
{
    private const string Channel = "19:floor-channel@thread.tacv2";
    private const string Thread = Channel + ";messageid=1759881511856";
    private const string Team = "19:team-floor@thread.tacv2";
    private static readonly TenantScope Tenant = new("teams", TeamsHost.TenantId);
    private TeamsActivities _manager = null!;
    private TeamsActivities _peer = null!;

    protected override async Task StartedAsync()
    {
        _manager = new TeamsActivities(Connector.ServiceUrl, "29:manager-" + Guid.NewGuid().ToString("N"));
        _peer = new TeamsActivities(Connector.ServiceUrl, "29:peer-" + Guid.NewGuid().ToString("N"));
        await OkAsync(_manager.ChannelMessage(Channel, Team, "team standup 09:15"));
        await OkAsync(_manager.ChannelMessage(Channel, Team, "team emoji win laugh")); // frees heart, the default win emoji
        await OkAsync(_manager.ChannelMessage(Channel, Team, "team emoji recognition heart"));
    }

    [Fact]
    public async Task A_managers_reaction_on_relayed_feedback_recognises_the_peer_and_taking_it_back_removes_it()
    {
        var relayId = await RelayFeedbackAsync("You named her worry before the refund.");

        await OkAsync(_manager.Reaction(Channel, Team, relayId, "heart"));

        var recorded = Assert.Single(await WeekAsync());
        Assert.Equal((_manager.UserId, _peer.UserId, relayId, RecognitionKind.Recognition, "heart"),
            (recorded.ReactedBy.UserId, recorded.Recipient.UserId, recorded.MessageId, recorded.Kind, recorded.Emoji));

        await OkAsync(_manager.Reaction(Channel, Team, relayId, "heart", added: false));
        Assert.Empty(await WeekAsync());
    }

    [Fact]
    public async Task The_peers_own_reaction_on_their_feedback_counts_for_nothing_but_a_teammates_does()
    {
        var relayId = await RelayFeedbackAsync("Great summary at the end.");

        await OkAsync(_peer.Reaction(Channel, Team, relayId, "laugh"));
        Assert.Empty(await WeekAsync());

        await OkAsync(_manager.Reaction(Channel, Team, relayId, "laugh"));
        var win = Assert.Single(await WeekAsync());
        Assert.Equal((RecognitionKind.EmpathyWin, _peer.UserId), (win.Kind, win.Recipient.UserId));
    }

    [Fact]
    public async Task A_reaction_on_a_message_the_bot_relayed_for_nobody_records_nothing()
    {
        await RelayFeedbackAsync("Calm under pressure.");
        var botReply = new SentActivities(Connector, Channel).Posts.Last().AnsweredId!; // "Recognition emoji saved…"

        await OkAsync(_manager.Reaction(Channel, Team, "1759999999999", "heart"));
        await OkAsync(_manager.Reaction(Channel, Team, botReply, "heart"));

        Assert.Empty(await WeekAsync());
    }

    /// <summary>The peer gives feedback in a shared transcript's thread; returns the id the connector gave the relay.</summary>
    private async Task<string> RelayFeedbackAsync(string feedback)
    {
        var inThread = new SentActivities(Connector, Thread);
        await OkAsync(_peer.ChannelMessage(Thread, Team, "feedback " + feedback));

        var relay = Assert.Single(inThread.Posts);
        Assert.Equal($"Feedback from Megan Bowen: {feedback}", relay.Json!["text"]!.GetValue<string>());
        return relay.AnsweredId!;
    }

    private Task<IReadOnlyList<RecognitionRecord>> WeekAsync() =>
        Bot.Services.GetRequiredService<IRecognitionStore>().ListWeekAsync(Tenant, Team, DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None);
}
