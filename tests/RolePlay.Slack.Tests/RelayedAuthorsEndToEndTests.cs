using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Core.Chat;
using RolePlay.Core.Storage;
using RolePlay.Slack.Tests.Infrastructure;

namespace RolePlay.Slack.Tests;

/// <summary>Messages the bot posts on someone's behalf (<see cref="Outgoing.AuthoredBy"/>), through the real adapter on
/// Kestrel with signed requests: the ts chat.postMessage answers is remembered, and a reaction Slack reports on it (its
/// <c>item_user</c> the bot) reaches the router with that person as the message's author.</summary>
public sealed class RelayedAuthorsEndToEndTests : IAsyncLifetime
{
    private const string Channel = "C0FLOOR";
    private readonly CountingAuthorStore _store = new(new InMemoryMessageAuthorStore());
    private SlackTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await SlackTestHost.StartAsync(configure: services => services.AddSingleton<IMessageAuthorStore>(_store));
        await _host.InstallAsync("T1", "xoxb-t1");
        await _host.InstallAsync("T2", "xoxb-t2");
        // As the feedback relay answers (a slash command arrives as "/practice feedback …").
        _host.Router.Answer = e => e is MessageReceived { Text: var text } message && text.Split("feedback ") is [_, var feedback]
            ? new RouterResult([new TextOut("Feedback from Ana: " + feedback) { AuthoredBy = message.From }])
            : e is MessageReceived ? new RouterResult([new TextOut("noted")]) : RouterResult.Nothing;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_reaction_on_a_message_posted_for_someone_names_them_as_its_author_added_and_removed()
    {
        var ts = await PostedAsync(Mention("UANA", "<@UBOT> feedback You named her worry first."));
        Assert.Equal(1, _store.Saves);

        await _host.PostEventAsync(Payloads.Event(ReactionEvent("reaction_added", "UMGR", ts, itemUser: "UBOT")));
        await _host.PostEventAsync(Payloads.Event(ReactionEvent("reaction_removed", "UMGR", ts, itemUser: "UBOT")));

        var added = await _host.Router.WaitForAsync<ReactionChanged>();
        var removed = await _host.Router.WaitForAsync<ReactionChanged>(2);
        Assert.Equal([("UANA", true, ts, Channel), ("UANA", false, ts, Channel)],
            new[] { added, removed }.Select(r => (r.MessageAuthorId, r.Added, r.MessageId, r.Conversation.ConversationId)));
    }

    [Fact]
    public async Task A_slash_commands_relay_is_posted_for_the_channel_not_only_for_the_person_and_is_remembered()
    {
        var command = Payloads.Command("feedback Calm under pressure.", trigger: "trig-relay");
        command["channel_id"] = Channel;
        command["user_id"] = "UANA";

        var ack = await _host.PostCommandAsync(command);

        Assert.Equal((200, ""), (ack.Status, ack.Body));
        var post = await _host.Api.WaitForCallAsync("chat.postMessage");
        Assert.Equal((Channel, "Feedback from Ana: Calm under pressure."), (post.Str("channel"), post.Str("text")));
        Assert.Empty(_host.Api.CallsTo("chat.postEphemeral"));
        await _host.DrainAsync();

        await _host.PostEventAsync(Payloads.Event(ReactionEvent("reaction_added", "UMGR", post.AnsweredTs!, itemUser: null)));
        Assert.Equal("UANA", (await _host.Router.WaitForAsync<ReactionChanged>()).MessageAuthorId);
    }

    [Fact]
    public async Task A_message_for_someone_aimed_at_another_channel_is_remembered_there()
    {
        _host.Router.Answer = e => e is MessageReceived { Conversation.Kind: ConversationKind.Personal } message
            ? new RouterResult([new TextOut("Ana reviewed Ben's practice with the peer checklist")
            {
                AuthoredBy = message.From, Target = new ConversationAddress("slack", "T1", Channel, ConversationKind.Channel, TeamId: "T1"),
            }])
            : RouterResult.Nothing;

        var ts = await PostedAsync(Payloads.DirectMessage("reviewed", user: "UANA", channel: "DUANA"));
        Assert.Equal(Channel, Assert.Single(_host.Api.CallsTo("chat.postMessage")).Str("channel"));

        await _host.PostEventAsync(Payloads.Event(ReactionEvent("reaction_added", "UMGR", ts, itemUser: "UBOT")));
        Assert.Equal("UANA", (await _host.Router.WaitForAsync<ReactionChanged>()).MessageAuthorId);
    }

    [Fact]
    public async Task A_reaction_on_an_ordinary_bot_message_names_nobody_and_nothing_was_remembered_for_it()
    {
        var ts = await PostedAsync(Mention("UANA", "<@UBOT> hello"));

        await _host.PostEventAsync(Payloads.Event(ReactionEvent("reaction_added", "UMGR", ts, itemUser: "UBOT")));

        Assert.Null((await _host.Router.WaitForAsync<ReactionChanged>()).MessageAuthorId);
        Assert.Equal((0, 1), (_store.Saves, _store.Reads));
    }

    [Fact]
    public async Task The_same_channel_and_ts_in_another_workspace_names_nobody()
    {
        var ts = await PostedAsync(Mention("UANA", "<@UBOT> feedback Great summary."));

        await _host.PostEventAsync(Payloads.Event(ReactionEvent("reaction_added", "UMGR", ts, itemUser: "UBOT"), team: "T2"));

        var changed = await _host.Router.WaitForAsync<ReactionChanged>();
        Assert.Equal(("T2", null), (changed.Conversation.TenantId, changed.MessageAuthorId));
    }

    [Fact]
    public async Task A_reaction_on_a_persons_own_message_keeps_its_author_and_reads_nothing()
    {
        await _host.PostEventAsync(Payloads.Event(ReactionEvent("reaction_added", "UMGR", "1700000000.000900", itemUser: "UBEN")));

        Assert.Equal("UBEN", (await _host.Router.WaitForAsync<ReactionChanged>()).MessageAuthorId);
        Assert.Equal(0, _store.Reads);
    }

    /// <summary>Sends the event and returns the ts Slack gave the bot's answer, once the answer is settled.</summary>
    private async Task<string> PostedAsync(JsonObject evt)
    {
        Assert.Equal(200, (await _host.PostEventAsync(Payloads.Event(evt))).Status);
        var post = await _host.Api.WaitForCallAsync("chat.postMessage");
        await _host.DrainAsync();
        return post.AnsweredTs!;
    }

    private static JsonObject Mention(string user, string text) => new()
    {
        ["type"] = "app_mention", ["user"] = user, ["text"] = text, ["ts"] = "1700000001.000200", ["channel"] = Channel,
        ["event_ts"] = "1700000001.000200",
    };

    private static JsonObject ReactionEvent(string type, string user, string ts, string? itemUser)
    {
        var reaction = new JsonObject
        {
            ["type"] = type, ["user"] = user, ["reaction"] = "clap", ["event_ts"] = "1700000002.000100",
            ["item"] = new JsonObject { ["type"] = "message", ["channel"] = Channel, ["ts"] = ts },
        };
        if (itemUser is not null)
        {
            reaction["item_user"] = itemUser;
        }

        return reaction;
    }
}
