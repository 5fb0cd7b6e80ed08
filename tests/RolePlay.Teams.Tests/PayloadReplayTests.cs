using System.Text.Json.Nodes;
using RolePlay.Core.Chat;
using RolePlay.Teams.Tests.Infrastructure;
using RolePlay.Testing;

namespace RolePlay.Teams.Tests;

/// <summary>Replays every real Teams payload in the shared folder through HTTP with a valid token whose serviceurl
/// matches the payload: each gets a 2xx and the neutral event it means.</summary>
public sealed class PayloadReplayTests
{
    private static readonly Dictionary<string, Action<IReadOnlyList<IncomingEvent>>> Expected = new()
    {
        ["conversationUpdate_bot_added_personal.json"] = events =>
            Assert.Equal(ConversationKind.Personal, Assert.IsType<BotInstalled>(Assert.Single(events)).Conversation.Kind),
        ["conversationUpdate_bot_added_to_team.json"] = events =>
        {
            var installed = Assert.IsType<BotInstalled>(Assert.Single(events));
            Assert.Equal((ConversationKind.Channel, "b28fdbfd-2b78-4f93-b0f8-8881793f0f8f", "19:zFLSDFWsesfzcmKArqKJ-65aOXJz@sgf462H2wz41@thread.tacv2"),
                (installed.Conversation.Kind, installed.Conversation.TenantId, installed.Conversation.TeamId));
        },
        ["conversationUpdate_bot_added_to_team_v3_docs.json"] = events =>
            Assert.Equal(ConversationKind.Channel, Assert.IsType<BotInstalled>(Assert.Single(events)).Conversation.Kind),
        ["installationUpdate_add.json"] = events =>
        {
            var installed = Assert.IsType<BotInstalled>(Assert.Single(events));
            Assert.Equal(("29:1ljv6N86roXr5pjPrCJVIz6xHh5QxjI....", ConversationKind.Channel), (installed.From.UserId, installed.Conversation.Kind));
        },
        ["invoke_adaptiveCard_action_personal.json"] = events =>
        {
            var submitted = Assert.IsType<CardSubmitted>(Assert.Single(events));
            Assert.Equal(new Dictionary<string, string> { ["feedback"] = "test invokes" }, submitted.Values);
            Assert.Equal(("", "1767765488332", ConversationKind.Personal), (submitted.Verb, submitted.CardMessageId, submitted.Conversation.Kind));
        },
        ["messageReaction_reactionsAdded.json"] = events =>
        {
            var reaction = Assert.IsType<ReactionChanged>(Assert.Single(events));
            Assert.Equal(("like", true, "1575667808184"), (reaction.Reaction, reaction.Added, reaction.MessageId));
        },
        ["messageReaction_reactionsRemoved.json"] = events =>
        {
            var reaction = Assert.IsType<ReactionChanged>(Assert.Single(events));
            Assert.Equal(("like", false, "1575667808184"), (reaction.Reaction, reaction.Added, reaction.MessageId));
        },
        ["message_card_action_messageBack_value.json"] = events =>
        {
            var submitted = Assert.IsType<CardSubmitted>(Assert.Single(events));
            Assert.Equal(new Dictionary<string, string> { ["property"] = "propertyValue" }, submitted.Values);
            Assert.Equal(ConversationKind.Channel, submitted.Conversation.Kind);
        },
        ["message_channel_mention.json"] = events =>
        {
            var message = Assert.IsType<MessageReceived>(Assert.Single(events));
            Assert.Equal(("reply to thread", ConversationKind.Channel, "1759881511856"), (message.Text, message.Conversation.Kind, message.Conversation.ThreadId));
        },
        ["message_personal.json"] = events =>
            Assert.Equal("Hello Teams TestBot", Assert.IsType<MessageReceived>(Assert.Single(events)).Text),
        ["message_personal_rich_text.json"] = events =>
            Assert.Equal("Hello Teams TestBot.Sending bold-italic rich text", Assert.IsType<MessageReceived>(Assert.Single(events)).Text),
    };

    [SkippableFact]
    public async Task Every_real_payload_is_accepted_and_means_the_expected_event()
    {
        var files = Directory.GetFiles(SharedFolder.Path("payloads", "teams"), "*.json").Order().ToList();
        Assert.NotEmpty(files);
        await using var keys = await KeyServer.StartAsync();
        await using var connector = await FakeConnector.StartAsync();

        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            Assert.True(Expected.ContainsKey(name), $"{name}: a new payload needs an expected event here");
            var json = File.ReadAllText(file);
            var serviceUrl = JsonNode.Parse(json)!["serviceUrl"]!.GetValue<string>();

            // A fresh bot per payload: two of them share an activity id, which dedupe would rightly drop.
            await using var bot = await BotHost.StartAuthenticatedAsync(keys, connector);
            var response = await bot.PostAsync(json, KeyServer.Issue(BotHost.AppId, serviceUrl));

            Assert.True(response.IsSuccessStatusCode, $"{name}: HTTP {(int)response.StatusCode}");
            Expected[name](bot.Router.Events);
        }
    }

    [SkippableFact]
    public async Task The_invoke_payload_is_answered_with_an_invoke_response_body()
    {
        var json = File.ReadAllText(SharedFolder.Path("payloads", "teams", "invoke_adaptiveCard_action_personal.json"));
        await using var keys = await KeyServer.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        await using var bot = await BotHost.StartAuthenticatedAsync(keys, connector);
        bot.Router.Respond = _ => new RouterResult([new TextOut("Thanks for the feedback.")]);

        var response = await bot.PostAsync(json, KeyServer.Issue(BotHost.AppId, JsonNode.Parse(json)!["serviceUrl"]!.GetValue<string>()));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.Equal("Thanks for the feedback.", body["value"]!.GetValue<string>());
    }
}
