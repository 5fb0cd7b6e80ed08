using System.Text.Json.Nodes;
using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Slack.Tests.Infrastructure;

namespace RolePlay.Slack.Tests;

public sealed class EventsEndToEndTests : IAsyncLifetime
{
    private SlackTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await SlackTestHost.StartAsync();
        await _host.InstallAsync("T1", "xoxb-t1");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_direct_message_reaches_the_router_and_its_reply_is_posted_with_the_workspace_token()
    {
        _host.Router.Answer = _ => new RouterResult([new TextOut("Hi <@U9> & welcome")]);

        var response = await _host.PostEventAsync(Payloads.Event(Payloads.DirectMessage("hello there")));

        Assert.Equal(200, response.Status);
        var message = await _host.Router.WaitForAsync<MessageReceived>();
        Assert.Equal("hello there", message.Text);
        Assert.Equal(new ChannelUser("slack", "T1", "U1"), message.From);
        Assert.Equal(ConversationKind.Personal, message.Conversation.Kind);
        Assert.Equal("D1", message.Conversation.ConversationId);
        var post = await _host.Api.WaitForCallAsync("chat.postMessage");
        Assert.Equal("Bearer xoxb-t1", post.Authorization);
        Assert.Equal("D1", post.Str("channel"));
        Assert.Equal("Hi &lt;@U9&gt; &amp; welcome", post.Str("text"));
        Assert.Null(post.Json!["blocks"]);
    }

    [Fact]
    public async Task Retries_of_one_event_id_are_acknowledged_and_processed_once()
    {
        var envelope = Payloads.Event(Payloads.DirectMessage("once"), eventId: "EvSame");

        var first = await _host.PostEventAsync(envelope);
        var retry1 = await _host.PostEventAsync(envelope, new Dictionary<string, string> { ["X-Slack-Retry-Num"] = "1", ["X-Slack-Retry-Reason"] = "http_timeout" });
        var retry2 = await _host.PostEventAsync(envelope, new Dictionary<string, string> { ["X-Slack-Retry-Num"] = "2", ["X-Slack-Retry-Reason"] = "http_timeout" });

        Assert.All(new[] { first, retry1, retry2 }, r => Assert.Equal(200, r.Status));
        await _host.Router.WaitForAsync<MessageReceived>();
        await Task.Delay(300);
        Assert.Single(_host.Router.Events);
    }

    [Fact]
    public async Task Concurrent_copies_of_one_event_are_processed_once()
    {
        var envelope = Payloads.Event(Payloads.DirectMessage("race"), eventId: "EvRace");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _host.PostEventAsync(envelope)));

        Assert.All(responses, r => Assert.Equal(200, r.Status));
        await _host.Router.WaitForAsync<MessageReceived>();
        await _host.DrainAsync();
        Assert.Single(_host.Router.Events);
    }

    [Fact]
    public async Task A_retry_whose_first_copy_never_arrived_is_processed()
    {
        var response = await _host.PostEventAsync(Payloads.Event(Payloads.DirectMessage("late"), eventId: "EvLost"),
            new Dictionary<string, string> { ["X-Slack-Retry-Num"] = "3", ["X-Slack-Retry-Reason"] = "connection_failed" });

        Assert.Equal(200, response.Status);
        Assert.Equal("late", (await _host.Router.WaitForAsync<MessageReceived>()).Text);
    }

    [Fact]
    public async Task The_same_event_id_in_two_workspaces_is_two_events()
    {
        await _host.InstallAsync("T2", "xoxb-t2");

        await _host.PostEventAsync(Payloads.Event(Payloads.DirectMessage("a"), team: "T1", eventId: "EvShared"));
        await _host.PostEventAsync(Payloads.Event(Payloads.DirectMessage("b"), team: "T2", eventId: "EvShared"));

        await _host.Router.WaitForAsync<MessageReceived>(2);
    }

    [Fact]
    public async Task The_bots_own_messages_and_channel_chatter_are_ignored()
    {
        var own = Payloads.DirectMessage("echo", user: "UBOT");
        var botMessage = Payloads.DirectMessage("bot");
        botMessage["bot_id"] = "B1";
        var channelMessage = Payloads.DirectMessage("in a channel", channel: "C1");
        channelMessage["channel_type"] = "channel";
        var edited = Payloads.DirectMessage("edit");
        edited["subtype"] = "message_changed";

        foreach (var evt in new[] { own, botMessage, channelMessage, edited })
        {
            Assert.Equal(200, (await _host.PostEventAsync(Payloads.Event(evt))).Status);
        }

        await _host.PostEventAsync(Payloads.Event(Payloads.DirectMessage("real")));
        Assert.Equal("real", (await _host.Router.WaitForAsync<MessageReceived>()).Text);
        await Task.Delay(200);
        Assert.Single(_host.Router.Events);
    }

    [Fact]
    public async Task An_app_mention_has_the_mention_stripped_and_is_answered_in_its_thread()
    {
        _host.Router.Answer = _ => new RouterResult([new TextOut("on it")]);
        var mention = new JsonObject
        {
            ["type"] = "app_mention", ["user"] = "U1", ["text"] = "<@UBOT> practice now", ["ts"] = "1700000001.000200",
            ["channel"] = "C7", ["event_ts"] = "1700000001.000200",
        };

        await _host.PostEventAsync(Payloads.Event(mention));

        var message = await _host.Router.WaitForAsync<MessageReceived>();
        Assert.Equal("practice now", message.Text);
        Assert.Equal(ConversationKind.Channel, message.Conversation.Kind);
        var post = await _host.Api.WaitForCallAsync("chat.postMessage");
        Assert.Equal("1700000001.000200", post.Str("thread_ts"));
        Assert.Equal("C7", post.Str("channel"));
    }

    [Theory]
    [InlineData("reaction_added", true)]
    [InlineData("reaction_removed", false)]
    public async Task Reactions_become_ReactionChanged_with_the_message_author(string type, bool added)
    {
        var reaction = new JsonObject
        {
            ["type"] = type, ["user"] = "U1", ["reaction"] = "heart", ["item_user"] = "U2", ["event_ts"] = "1700000002.000100",
            ["item"] = new JsonObject { ["type"] = "message", ["channel"] = "C3", ["ts"] = "1700000000.000900" },
        };

        await _host.PostEventAsync(Payloads.Event(reaction));

        var changed = await _host.Router.WaitForAsync<ReactionChanged>();
        Assert.Equal(("heart", added, "U2", "1700000000.000900", "C3"),
            (changed.Reaction, changed.Added, changed.MessageAuthorId, changed.MessageId, changed.Conversation.ConversationId));
    }

    [Fact]
    public async Task A_reaction_on_the_bots_own_message_names_no_author()
    {
        var reaction = new JsonObject
        {
            ["type"] = "reaction_added", ["user"] = "U1", ["reaction"] = "clap", ["item_user"] = "UBOT", ["event_ts"] = "1700000002.000200",
            ["item"] = new JsonObject { ["type"] = "message", ["channel"] = "C3", ["ts"] = "1700000000.000901" },
        };

        await _host.PostEventAsync(Payloads.Event(reaction, botUserId: "UBOT"));

        var changed = await _host.Router.WaitForAsync<ReactionChanged>();
        Assert.Equal(("1700000000.000901", null), (changed.MessageId, changed.MessageAuthorId));
    }

    [Fact]
    public async Task Opening_the_home_tab_publishes_the_routers_card()
    {
        _host.Router.Answer = _ => new RouterResult([new CardOut(new Card("home", "Your practice", [new TextBlock("3 sessions this week")], []))]);
        var opened = new JsonObject { ["type"] = "app_home_opened", ["user"] = "U1", ["channel"] = "D1", ["tab"] = "home", ["event_ts"] = "1700000003.000100" };

        await _host.PostEventAsync(Payloads.Event(opened));

        Assert.IsType<HomeOpened>(await _host.Router.WaitForAsync<HomeOpened>());
        var publish = await _host.Api.WaitForCallAsync("views.publish");
        Assert.Equal("U1", publish.Str("user_id"));
        Assert.Equal("home", publish.Json!["view"]!["type"]!.GetValue<string>());
        Assert.Contains("3 sessions this week", publish.Json.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bot_joining_a_channel_is_BotInstalled_by_the_inviter_and_other_joins_are_ignored()
    {
        var someone = new JsonObject { ["type"] = "member_joined_channel", ["user"] = "U5", ["channel"] = "C1", ["inviter"] = "U1" };
        var us = new JsonObject { ["type"] = "member_joined_channel", ["user"] = "UBOT", ["channel"] = "C1", ["inviter"] = "U1" };

        await _host.PostEventAsync(Payloads.Event(someone));
        await _host.PostEventAsync(Payloads.Event(us));

        var installed = await _host.Router.WaitForAsync<BotInstalled>();
        Assert.Equal("U1", installed.From.UserId);
        Assert.Single(_host.Router.Events);
    }

    [Theory]
    [InlineData("app_uninstalled")]
    [InlineData("tokens_revoked")]
    public async Task Uninstall_and_revocation_purge_the_workspaces_tokens_only(string type)
    {
        await _host.InstallAsync("T2", "xoxb-t2");
        var evt = new JsonObject { ["type"] = type };
        if (type == "tokens_revoked")
        {
            evt["tokens"] = new JsonObject { ["bot"] = new JsonArray("UBOT") };
        }

        Assert.Equal(200, (await _host.PostEventAsync(Payloads.Event(evt, team: "T1"))).Status);

        var deadline = DateTimeOffset.UtcNow.AddSeconds(5);
        while (await _host.Installs.FindAsync("T1", CancellationToken.None) is not null && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Null(await _host.Installs.FindAsync("T1", CancellationToken.None));
        Assert.NotNull(await _host.Installs.FindAsync("T2", CancellationToken.None));
    }

    [Fact]
    public async Task Url_verification_echoes_the_challenge()
    {
        var response = await _host.PostEventAsync(new JsonObject { ["type"] = "url_verification", ["challenge"] = "3eZbrw1aB", ["token"] = "x" });

        Assert.Equal(200, response.Status);
        Assert.Equal("3eZbrw1aB", JsonNode.Parse(response.Body)!["challenge"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_org_wide_install_is_keyed_by_the_enterprise()
    {
        await _host.InstallAsync("E1", "xoxb-e1");
        var envelope = Payloads.Event(Payloads.DirectMessage("org"), team: "T9");
        envelope["enterprise_id"] = "E1";
        envelope["authorizations"] = new JsonArray(new JsonObject
        {
            ["enterprise_id"] = "E1", ["team_id"] = null, ["user_id"] = "UBOT", ["is_bot"] = true, ["is_enterprise_install"] = true,
        });
        _host.Router.Answer = _ => new RouterResult([new TextOut("hi org")]);

        await _host.PostEventAsync(envelope);

        Assert.Equal("E1", (await _host.Router.WaitForAsync<MessageReceived>()).From.TenantId);
        Assert.Equal("Bearer xoxb-e1", (await _host.Api.WaitForCallAsync("chat.postMessage")).Authorization);
    }
}
