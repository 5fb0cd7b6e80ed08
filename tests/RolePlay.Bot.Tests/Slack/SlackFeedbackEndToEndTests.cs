using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Core.Storage;

namespace RolePlay.Bot.Tests.Slack;

/// <summary>Peer feedback and its recognition through the real host on SQLite: the bot relays "feedback …" in the
/// channel, Slack reports a reaction on that relay as a reaction on the bot's message (<c>item_user</c> the bot), and the
/// adapter's memory of whom the relay speaks for credits the peer.</summary>
public sealed class SlackFeedbackEndToEndTests : SingleWorkspaceTest
{
    private const string Manager = "UMGR";
    private const string Peer = "UPEER";
    private const string Teammate = "UBEN";
    private const string Channel = "C0FLOOR";
    private const string BotUser = "UBOT" + SlackBotHost.Workspace;
    private static readonly TenantScope Tenant = new("slack", SlackBotHost.Workspace);
    private int _events;

    [Fact]
    public async Task A_managers_recognition_on_relayed_feedback_recognises_the_peer_and_taking_it_back_removes_it()
    {
        await SetUpTeamAsync();
        var relay = await RelayAsync("You named her worry before the refund.");

        await ReactAsync("reaction_added", Manager, relay);

        var recorded = Assert.Single(await WeekAsync());
        Assert.Equal((Manager, Peer, relay, RecognitionKind.Recognition, "clap"),
            (recorded.ReactedBy.UserId, recorded.Recipient.UserId, recorded.MessageId, recorded.Kind, recorded.Emoji));

        await ReactAsync("reaction_removed", Manager, relay);
        Assert.Empty(await WeekAsync());
    }

    [Fact]
    public async Task Feedback_given_by_mentioning_the_bot_is_relayed_in_its_thread_and_recognised_the_same_way()
    {
        await SetUpTeamAsync();
        var mentionTs = SlackBotHost.Ts();
        await EventAsync(new JsonObject
        {
            ["type"] = "app_mention", ["user"] = Peer, ["text"] = $"<@{BotUser}> feedback Great summary at the end.", ["ts"] = mentionTs,
            ["channel"] = Channel, ["event_ts"] = mentionTs,
        });

        var relay = Assert.Single(Api.CallsTo("chat.postMessage"), c => c.Str("text")!.EndsWith(": Great summary at the end.", StringComparison.Ordinal));
        Assert.Equal((Channel, mentionTs), (relay.Str("channel"), relay.Str("thread_ts")));

        await ReactAsync("reaction_added", Manager, relay.AnsweredTs!);
        Assert.Equal(Peer, Assert.Single(await WeekAsync()).Recipient.UserId);
    }

    [Fact]
    public async Task A_non_managers_recognition_emoji_and_a_reaction_on_an_ordinary_bot_message_credit_nobody()
    {
        await SetUpTeamAsync();
        var relay = await RelayAsync("Calm under pressure.");
        var showTs = SlackBotHost.Ts();
        await EventAsync(new JsonObject
        {
            ["type"] = "app_mention", ["user"] = Manager, ["text"] = $"<@{BotUser}> team show", ["ts"] = showTs, ["channel"] = Channel, ["event_ts"] = showTs,
        });
        var ordinary = Assert.Single(Api.CallsTo("chat.postMessage"), c => c.Str("thread_ts") == showTs); // the team's set-up, for nobody

        await ReactAsync("reaction_added", Teammate, relay);
        await ReactAsync("reaction_added", Manager, ordinary.AnsweredTs!);

        Assert.Empty(await WeekAsync());
    }

    [Fact]
    public async Task The_relays_author_is_kept_in_the_store_for_the_retention_and_only_for_this_workspace()
    {
        var relay = await RelayAsync("Owned the outcome.");
        var store = Host.Services.GetRequiredService<IMessageAuthorStore>();
        var now = DateTimeOffset.UtcNow;

        Assert.Equal(new PersonKey(Tenant, Peer), await store.GetAsync(Tenant, Channel, relay, now.AddDays(89), CancellationToken.None));
        Assert.Null(await store.GetAsync(Tenant, Channel, relay, now.AddDays(90).AddMinutes(1), CancellationToken.None));
        Assert.Null(await store.GetAsync(new TenantScope("slack", "T0OTHER"), Channel, relay, now, CancellationToken.None));
    }

    /// <summary>The manager sets the team up in the channel; the default recognition emoji on Slack is clap.</summary>
    private async Task SetUpTeamAsync() => await CommandAsync(Manager, "team standup 09:15");

    /// <summary>The peer's "/practice feedback …" in the channel; returns the ts Slack gave the relay.</summary>
    private async Task<string> RelayAsync(string feedback)
    {
        await CommandAsync(Peer, "feedback " + feedback);
        var relay = Assert.Single(Api.CallsTo("chat.postMessage"), c => c.Str("text")!.EndsWith(": " + feedback, StringComparison.Ordinal));
        Assert.Equal((Channel, $"Feedback from maria: {feedback}"), (relay.Str("channel"), relay.Str("text")));
        return relay.AnsweredTs!;
    }

    private async Task CommandAsync(string user, string text)
    {
        Assert.Equal(200, (await Host.CommandAsync(user, text, channel: Channel)).Status);
        await Host.DrainAsync();
    }

    /// <summary>A reaction as Slack reports one on the bot's own message: <c>item_user</c> is the bot user.</summary>
    private Task ReactAsync(string type, string user, string ts) => EventAsync(new JsonObject
    {
        ["type"] = type, ["user"] = user, ["reaction"] = "clap", ["item_user"] = BotUser, ["event_ts"] = SlackBotHost.Ts(),
        ["item"] = new JsonObject { ["type"] = "message", ["channel"] = Channel, ["ts"] = ts },
    });

    private async Task EventAsync(JsonObject evt)
    {
        Assert.Equal(200, (await Host.PostEventAsync(SlackBotHost.Event($"EvFb{Interlocked.Increment(ref _events)}", evt))).Status);
        await Host.DrainAsync();
    }

    private Task<IReadOnlyList<RecognitionRecord>> WeekAsync() =>
        Host.Services.GetRequiredService<IRecognitionStore>().ListWeekAsync(Tenant, SlackBotHost.Workspace, DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None);
}
