using System.Net;
using System.Text.Json.Nodes;
using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Teams.Tests.Infrastructure;

namespace RolePlay.Teams.Tests;

/// <summary>Activities in, neutral events to the router, replies out to the (fake) connector — all over HTTP.</summary>
public sealed class InboundTests : AuthenticatedBotTest
{
    private string Url => Connector.ServiceUrl;

    private Task<HttpResponseMessage> PostAsync(JsonObject activity) =>
        Bot.PostAsync(activity.ToJsonString(), KeyServer.Issue(BotHost.AppId, activity["serviceUrl"]!.GetValue<string>()));

    [Fact]
    public async Task A_personal_message_becomes_MessageReceived_with_the_tenant_scoped_sender()
    {
        var activity = Activities.Message(Url, "  I want to practise  ");

        var response = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.IsType<MessageReceived>(Assert.Single(Bot.Router.Events));
        Assert.Equal("I want to practise", message.Text);
        Assert.Equal(activity["id"]!.GetValue<string>(), message.MessageId);
        Assert.Equal(new ChannelUser("teams", BotHost.TenantId, Activities.UserId, "Megan Bowen"), message.From);
        Assert.Equal(new ConversationAddress("teams", BotHost.TenantId, Activities.PersonalConversation, ConversationKind.Personal), message.Conversation);
        Assert.Equal(DateTimeOffset.Parse("2026-11-25T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture), message.At);
    }

    [Fact]
    public async Task A_group_chat_mention_is_stripped_and_the_kind_is_Group()
    {
        await PostAsync(Activities.Mention(Url, "practice please", Activities.GroupConversation, "groupChat"));

        var message = Assert.IsType<MessageReceived>(Assert.Single(Bot.Router.Events));
        Assert.Equal("practice please", message.Text);
        Assert.Equal(ConversationKind.Group, message.Conversation.Kind);
    }

    [Fact]
    public async Task A_channel_mention_is_stripped_case_insensitively_and_keeps_thread_and_team()
    {
        var activity = Activities.Mention(Url, "team setup", Activities.ChannelConversation, "channel");
        activity["text"] = "<AT>RolePlay</AT> team setup";

        await PostAsync(activity);

        var message = Assert.IsType<MessageReceived>(Assert.Single(Bot.Router.Events));
        Assert.Equal("team setup", message.Text);
        Assert.Equal(ConversationKind.Channel, message.Conversation.Kind);
        Assert.Equal("1759881511856", message.Conversation.ThreadId);
        Assert.Equal("19:team-id@thread.tacv2", message.Conversation.TeamId);
    }

    [Fact]
    public async Task A_mention_of_someone_else_is_left_in_the_text()
    {
        var activity = Activities.Mention(Url, "ask <at>Ana</at>", Activities.GroupConversation, "groupChat");
        ((JsonArray)activity["entities"]!).Add(new JsonObject
        {
            ["type"] = "mention", ["text"] = "<at>Ana</at>", ["mentioned"] = new JsonObject { ["id"] = "29:ana" },
        });

        await PostAsync(activity);

        Assert.Equal("ask <at>Ana</at>", Assert.IsType<MessageReceived>(Assert.Single(Bot.Router.Events)).Text);
    }

    [Fact]
    public async Task Action_Submit_becomes_CardSubmitted_with_the_verb_from_the_data()
    {
        var value = new JsonObject { ["verb"] = "debrief.commit", ["commitment"] = "Name the feeling first", ["rating"] = 4, ["ok"] = true };

        await PostAsync(Activities.Submit(Url, value));

        var submitted = Assert.IsType<CardSubmitted>(Assert.Single(Bot.Router.Events));
        Assert.Equal("debrief.commit", submitted.Verb);
        Assert.Equal("card-message-1", submitted.CardMessageId);
        Assert.Equal(new Dictionary<string, string> { ["commitment"] = "Name the feeling first", ["rating"] = "4", ["ok"] = "true" }, submitted.Values);
    }

    [Fact]
    public async Task Action_Submit_that_replaces_its_card_updates_the_card_message()
    {
        Bot.Router.Respond = _ => new RouterResult([], ReplaceCard: new Card("thanks", "Thanks", [new TextBlock("Saved.")], []));

        await PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "debrief.commit" }));

        var update = Assert.Single(Connector.Requests);
        Assert.Equal("PUT", update.Method);
        Assert.EndsWith($"/v3/conversations/{Uri.EscapeDataString(Activities.PersonalConversation)}/activities/card-message-1", update.Path, StringComparison.Ordinal);
        Assert.Equal("application/vnd.microsoft.card.adaptive", update.Json!["attachments"]![0]!["contentType"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_Execute_invoke_answers_with_the_replacement_card_in_the_same_response()
    {
        Bot.Router.Respond = _ => new RouterResult([], ReplaceCard: new Card("next", "Scene 2", [new TextBlock("The customer sighs.")], []));

        var response = await PostAsync(Activities.Execute(Url, "practice.start", new JsonObject { ["scenario"] = "late-delivery", ["verb"] = "practice.start" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", body["value"]!["type"]!.GetValue<string>());
        Assert.Equal("1.5", body["value"]!["version"]!.GetValue<string>());
        var submitted = Assert.IsType<CardSubmitted>(Assert.Single(Bot.Router.Events));
        Assert.Equal("practice.start", submitted.Verb);
        Assert.Equal("card-message-2", submitted.CardMessageId);
        Assert.Equal(new Dictionary<string, string> { ["scenario"] = "late-delivery" }, submitted.Values);
        Assert.Empty(Connector.Requests);
    }

    [Fact]
    public async Task An_Execute_invoke_answers_a_text_reply_as_a_message_response_and_sends_the_rest()
    {
        Bot.Router.Respond = _ => new RouterResult([new TextOut("Paused."), new TextOut("See you tomorrow.")]);

        var response = await PostAsync(Activities.Execute(Url, "practice.pause", []));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.Equal("Paused.", body["value"]!.GetValue<string>());
        // The rest follows the invoke answer, after the response is complete.
        for (var waited = 0; !Connector.ActivityPosts.Any() && waited < 5000; waited += 20)
        {
            await Task.Delay(20);
        }

        Assert.Equal("See you tomorrow.", Assert.Single(Connector.ActivityPosts).Json!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_Execute_invoke_with_input_errors_answers_with_an_error_response()
    {
        Bot.Router.Respond = _ => new RouterResult([], InputErrors: new Dictionary<string, string> { ["commitment"] = "Write one sentence." });

        var response = await PostAsync(Activities.Execute(Url, "debrief.commit", []));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        Assert.Equal("invalidInput", body["value"]!["code"]!.GetValue<string>());
        Assert.Equal("Write one sentence.", body["value"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Action_Submit_refused_without_a_card_to_refresh_replies_with_the_errors()
    {
        Bot.Router.Respond = _ => new RouterResult([], InputErrors: new Dictionary<string, string> { ["commitment"] = "Write one sentence." });

        await PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "debrief.commit" }));

        Assert.Equal("Write one sentence.", Assert.Single(Connector.ActivityPosts).Json!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reactions_added_and_removed_become_one_event_each()
    {
        await PostAsync(Activities.Reaction(Url, ["like", "heart"], ["laugh"]));

        var reactions = Bot.Router.Events.Cast<ReactionChanged>().ToList();
        Assert.Equal([("like", true), ("heart", true), ("laugh", false)], reactions.Select(r => (r.Reaction, r.Added)));
        Assert.All(reactions, r => Assert.Equal("1575667808184", r.MessageId));
        Assert.All(reactions, r => Assert.Equal(ConversationKind.Channel, r.Conversation.Kind));
    }

    [Fact]
    public async Task ConversationUpdate_adding_the_bot_is_BotInstalled_and_adding_someone_else_is_ignored()
    {
        var botAdded = Activities.Base("conversationUpdate", Url);
        botAdded["membersAdded"] = new JsonArray(new JsonObject { ["id"] = Activities.BotId });
        var userAdded = Activities.Base("conversationUpdate", Url);
        userAdded["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "29:someone" });

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(botAdded)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(userAdded)).StatusCode);

        var installed = Assert.IsType<BotInstalled>(Assert.Single(Bot.Router.Events));
        Assert.Equal(Activities.UserId, installed.From.UserId);
    }

    [Fact]
    public async Task Another_bot_added_to_a_group_chat_is_not_this_bot_being_installed()
    {
        var otherBot = Activities.Base("conversationUpdate", Url, Activities.GroupConversation, "groupChat");
        otherBot["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:another-bot" });

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(otherBot)).StatusCode);

        Assert.Empty(Bot.Router.Events);
    }

    [Theory]
    [InlineData("add", true)]
    [InlineData("remove", false)]
    [InlineData("add-upgrade", false)]
    public async Task InstallationUpdate_add_is_BotInstalled(string action, bool installs)
    {
        var activity = Activities.Base("installationUpdate", Url);
        activity["action"] = action;

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(activity)).StatusCode);

        Assert.Equal(installs ? 1 : 0, Bot.Router.Events.OfType<BotInstalled>().Count());
    }

    [Fact]
    public async Task A_redelivered_activity_is_processed_once()
    {
        var activity = Activities.Message(Url, "once");
        Bot.Router.Respond = _ => new RouterResult([new TextOut("reply")]);

        var first = await PostAsync(activity);
        var second = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(Bot.Router.Events);
        Assert.Single(Connector.ActivityPosts);
    }

    [Fact]
    public async Task The_same_activity_id_in_another_conversation_is_not_a_duplicate()
    {
        var first = Activities.Message(Url, "a");
        var second = Activities.Message(Url, "b", conversationId: "a:another-chat");
        second["id"] = first["id"]!.GetValue<string>();

        await PostAsync(first);
        await PostAsync(second);

        Assert.Equal(2, Bot.Router.Events.Count);
    }

    [Fact]
    public async Task Replies_go_to_the_connector_as_replies_with_from_and_recipient_swapped_and_a_bearer_token()
    {
        var card = new Card("welcome", "Welcome", [new TextBlock("Ready?")], [new SubmitAction("Start", "practice.start")]);
        Bot.Router.Respond = _ => new RouterResult([new TextOut("Hi Megan"), new CardOut(card)]);
        var activity = Activities.Message(Url, "hello");

        await PostAsync(activity);

        var posts = Connector.ActivityPosts.ToList();
        Assert.Equal(2, posts.Count);
        var expectedPath = $"/v3/conversations/{Uri.EscapeDataString(Activities.PersonalConversation)}/activities/{activity["id"]}";
        Assert.All(posts, p => Assert.Equal(expectedPath, p.Path));
        Assert.All(posts, p => Assert.Equal("Bearer token-1", p.Authorization));
        var text = posts[0].Json!;
        Assert.Equal("Hi Megan", text["text"]!.GetValue<string>());
        Assert.Equal(Activities.BotId, text["from"]!["id"]!.GetValue<string>());
        Assert.Equal(Activities.UserId, text["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal(activity["id"]!.GetValue<string>(), text["replyToId"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", posts[1].Json!["attachments"]![0]!["content"]!["type"]!.GetValue<string>());
        Assert.Equal(1, Connector.TokenRequests);
        Assert.Equal("botframework.com", Connector.LastTokenTenant);
    }

    [Fact]
    public async Task The_conversation_reference_is_kept_for_proactive_messages()
    {
        await PostAsync(Activities.Message(Url, "hello"));

        var reference = Bot.References.FindPersonal(BotHost.TenantId, Activities.UserId);
        Assert.NotNull(reference);
        Assert.Equal(Url, reference.ServiceUrl);
        Assert.Equal(Activities.PersonalConversation, reference.ConversationId);
        Assert.Equal(Activities.BotId, reference.BotId);
        Assert.Equal("7faf8ab2-3d56-4244-b585-20c8a42ed2b8", reference.UserAadObjectId);
    }

    [Theory]
    [InlineData("typing")]
    [InlineData("endOfConversation")]
    [InlineData("somethingNew")]
    public async Task Unknown_activity_types_get_200_and_are_ignored(string type)
    {
        var response = await PostAsync(Activities.Base(type, Url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Bot.Router.Events);
    }

    [Fact]
    public async Task Other_invokes_get_200_and_are_ignored()
    {
        var activity = Activities.Base("invoke", Url);
        activity["name"] = "composeExtension/query";

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(activity)).StatusCode);
        Assert.Empty(Bot.Router.Events);
    }
}

/// <summary>Local mode: no app id, so only this machine may talk to the bot.</summary>
public sealed class LocalModeTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = await BotHost.StartLocalAsync();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task A_loopback_caller_with_a_loopback_serviceUrl_is_accepted_and_replies_carry_no_token()
    {
        _bot.Router.Respond = _ => new RouterResult([new TextOut("hi")]);

        var response = await _bot.PostAsync(Activities.Message(_connector.ServiceUrl, "hello").ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_bot.Router.Events);
        var reply = Assert.Single(_connector.ActivityPosts);
        Assert.Null(reply.Authorization);
        Assert.Equal(0, _connector.TokenRequests);
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("Forwarded", "for=203.0.113.7")]
    public async Task A_request_forwarded_by_a_proxy_is_refused(string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StringContent(Activities.Message(_connector.ServiceUrl, "hello").ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(header, value);

        var response = await _bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Router.Events);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("http://10.0.0.5:3978/")]
    [InlineData("not a url")]
    public async Task A_non_loopback_serviceUrl_is_refused(string serviceUrl)
    {
        var response = await _bot.PostAsync(Activities.Message(serviceUrl, "hello").ToJsonString());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Router.Events);
    }
}
