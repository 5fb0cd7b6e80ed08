using System.Text.Json.Nodes;
using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Slack.Tests.Infrastructure;

namespace RolePlay.Slack.Tests;

public sealed class InteractivityEndToEndTests : IAsyncLifetime
{
    private static readonly Card Form = new("debrief.commit", "Your commitment",
        [new TextInput("commitment", "One thing for next shift", Required: true), new RatingInput("feeling", "How did it feel?")],
        [new SubmitAction("Commit", "debrief.commit", new Dictionary<string, string> { ["session"] = "s-42" }, ActionStyle.Positive)]);

    private SlackTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await SlackTestHost.StartAsync();
        await _host.InstallAsync("T1", "xoxb-t1");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_slash_command_answered_quickly_comes_back_in_the_ack()
    {
        _host.Router.Answer = _ => new RouterResult([new TextOut("Daily practice set for 09:30")]);

        var response = await _host.PostCommandAsync(Payloads.Command("time 09:30"));

        Assert.Equal(200, response.Status);
        Assert.True(response.Elapsed < TimeSpan.FromSeconds(3));
        var ack = JsonNode.Parse(response.Body)!;
        Assert.Equal("ephemeral", ack["response_type"]!.GetValue<string>());
        Assert.Equal("Daily practice set for 09:30", ack["text"]!.GetValue<string>());
        var message = Assert.IsType<MessageReceived>(Assert.Single(_host.Router.Events));
        Assert.Equal("/practice time 09:30", message.Text);
        Assert.Equal("C1", message.Conversation.ConversationId);
    }

    [Fact]
    public async Task A_slow_slash_command_is_acked_in_time_and_answered_with_postEphemeral()
    {
        _host.Router.Delay = TimeSpan.FromSeconds(2.5);
        _host.Router.Answer = _ => new RouterResult([new TextOut("here you go")]);

        var response = await _host.PostCommandAsync(Payloads.Command("start"));

        Assert.Equal(200, response.Status);
        Assert.True(response.Elapsed < TimeSpan.FromSeconds(2.9), $"ack took {response.Elapsed}");
        Assert.Equal("…", JsonNode.Parse(response.Body)!["text"]!.GetValue<string>());
        var ephemeral = await _host.Api.WaitForCallAsync("chat.postEphemeral");
        Assert.Equal(("C1", "U1", "here you go"), (ephemeral.Str("channel"), ephemeral.Str("user"), ephemeral.Str("text")));
    }

    [Fact]
    public async Task A_form_answer_to_a_slash_command_opens_a_modal_with_the_fresh_trigger()
    {
        _host.Api.IssueTrigger("trig-modal");
        _host.Router.Answer = _ => new RouterResult([new CardOut(Form)]);

        var response = await _host.PostCommandAsync(Payloads.Command("commit", trigger: "trig-modal"));

        Assert.Equal(200, response.Status);
        var open = await _host.Api.WaitForCallAsync("views.open");
        Assert.Equal("trig-modal", open.Str("trigger_id"));
        Assert.Equal("modal", open.Json!["view"]!["type"]!.GetValue<string>());
        Assert.Equal("debrief.commit", open.Json["view"]!["callback_id"]!.GetValue<string>());
        await Task.Delay(200);
        Assert.Empty(_host.Api.CallsTo("chat.postEphemeral"));
    }

    [Fact]
    public async Task A_button_click_is_CardSubmitted_with_its_data_and_the_card_is_updated_in_place()
    {
        _host.Router.Answer = _ => new RouterResult([], ReplaceCard: new Card("done", "Thanks", [new TextBlock("Saved")], []));
        var payload = JsonNode.Parse("""
            {"type":"block_actions","user":{"id":"U1","name":"maria","team_id":"T1"},"team":{"id":"T1"},
             "container":{"type":"message","message_ts":"1700000000.000300","channel_id":"C1"},"channel":{"id":"C1"},
             "trigger_id":"t-1","actions":[{"action_id":"debrief.commit~2","block_id":"b","type":"button","value":"{\"session\":\"s-42\"}"}],
             "state":{"values":{"commitment":{"commitment":{"type":"plain_text_input","value":"ask one open question"}},
                                "feeling":{"feeling":{"type":"radio_buttons","selected_option":{"value":"4"}}}}}}
            """)!;

        var response = await _host.PostInteractionAsync(payload);

        Assert.Equal(200, response.Status);
        var submitted = await _host.Router.WaitForAsync<CardSubmitted>();
        Assert.Equal("debrief.commit", submitted.Verb);
        Assert.Equal("s-42", submitted.Values["session"]);
        Assert.Equal("ask one open question", submitted.Values["commitment"]);
        Assert.Equal("4", submitted.Values["feeling"]);
        Assert.Equal("1700000000.000300", submitted.CardMessageId);
        var update = await _host.Api.WaitForCallAsync("chat.update");
        Assert.Equal(("C1", "1700000000.000300"), (update.Str("channel"), update.Str("ts")));
    }

    [Fact]
    public async Task A_signed_interaction_replayed_inside_the_window_is_answered_once()
    {
        _host.Router.Answer = _ => new RouterResult([new TextOut("Commitment saved")]);
        static byte[] Click(string trigger) => SlackTestHost.FormPayload($$"""
            {"type":"block_actions","user":{"id":"U1","team_id":"T1"},"team":{"id":"T1"},"channel":{"id":"C1"},
             "container":{"type":"message","message_ts":"1700000000.000300","channel_id":"C1"},"trigger_id":"{{trigger}}",
             "actions":[{"action_id":"debrief.commit","block_id":"b","type":"button","value":"{\"session\":\"s-42\"}"}]}
            """);
        var body = Click("t-replayed");
        var headers = SlackTestHost.SignedHeaders(body);

        // The same captured request three times: every answer is 200 (it is a valid request), one is acted on.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(200, (await _host.PostRawAsync(SlackEndpoints.InteractionsPath, body, "application/x-www-form-urlencoded", headers)).Status);
        }

        await _host.DrainAsync();
        Assert.Single(_host.Router.Events);
        Assert.Single(_host.Api.CallsTo("chat.postEphemeral").Concat(_host.Api.CallsTo("chat.postMessage")));

        // A new click carries a new trigger: it is not a replay.
        Assert.Equal(200, (await _host.PostSignedAsync(SlackEndpoints.InteractionsPath, Click("t-new"), "application/x-www-form-urlencoded")).Status);
        await _host.DrainAsync();
        Assert.Equal(2, _host.Router.Events.Count);
    }

    [Fact]
    public async Task A_slash_command_replayed_inside_the_window_is_answered_once()
    {
        _host.Router.Answer = _ => new RouterResult([new TextOut("Daily practice set for 09:30")]);
        var body = SlackTestHost.FormFields(Payloads.Command("time 09:30", trigger: "trig-replayed"));
        var headers = SlackTestHost.SignedHeaders(body);

        var first = await _host.PostRawAsync(SlackEndpoints.CommandsPath, body, "application/x-www-form-urlencoded", headers);
        var replay = await _host.PostRawAsync(SlackEndpoints.CommandsPath, body, "application/x-www-form-urlencoded", headers);

        Assert.Contains("09:30", first.Body, StringComparison.Ordinal);
        Assert.Equal((200, ""), (replay.Status, replay.Body));
        Assert.Single(_host.Router.Events);
    }

    [Fact]
    public async Task View_submission_errors_are_returned_synchronously_keyed_by_block_id()
    {
        _host.Router.Answer = _ => new RouterResult([], InputErrors: new Dictionary<string, string> { ["commitment"] = "Write one thing you will do." });
        var view = BlockKit.BlockKitRenderer.RenderModal(Form);
        view["id"] = "V9";
        view["state"] = JsonNode.Parse("""{"values":{"commitment":{"commitment":{"type":"plain_text_input","value":""}}}}""");
        var payload = new JsonObject { ["type"] = "view_submission", ["user"] = new JsonObject { ["id"] = "U1" }, ["team"] = new JsonObject { ["id"] = "T1" }, ["view"] = view };

        var response = await _host.PostInteractionAsync(payload);

        Assert.Equal(200, response.Status);
        var body = JsonNode.Parse(response.Body)!;
        Assert.Equal("errors", body["response_action"]!.GetValue<string>());
        Assert.Equal("Write one thing you will do.", body["errors"]!["commitment"]!.GetValue<string>());
        var submitted = Assert.IsType<CardSubmitted>(Assert.Single(_host.Router.Events));
        Assert.Equal("debrief.commit", submitted.Verb);
        Assert.Equal("s-42", submitted.Values["session"]);
    }

    [Fact]
    public async Task An_org_wide_view_submission_with_team_null_is_the_enterprises()
    {
        var payload = JsonNode.Parse("""
            {"type":"view_submission","team":null,"user":{"id":"W1","team_id":"T_x"},"is_enterprise_install":true,
             "enterprise":{"id":"E1","name":"Org"},"view":{"id":"V1","type":"modal","callback_id":"practice.settings","private_metadata":"",
             "state":{"values":{"b":{"time":{"type":"plain_text_input","value":"09:30"}}}}}}
            """)!;

        var response = await _host.PostInteractionAsync(payload);

        Assert.Equal(200, response.Status);
        var submitted = Assert.IsType<CardSubmitted>(Assert.Single(_host.Router.Events));
        Assert.Equal(("E1", "practice.settings", "09:30"), (submitted.From.TenantId, submitted.Verb, submitted.Values["time"]));
    }

    [Fact]
    public async Task An_expired_trigger_falls_back_to_posting_the_form_as_a_message()
    {
        _host.Router.Delay = TimeSpan.FromSeconds(3.2);
        _host.Router.Answer = _ => new RouterResult([new CardOut(Form)]);
        _host.Api.IssueTrigger("trig-late");

        await _host.PostCommandAsync(Payloads.Command("commit", trigger: "trig-late"));

        var post = await _host.Api.WaitForCallAsync("chat.postEphemeral");
        Assert.Contains("commitment", post.Json!.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(_host.Api.CallsTo("views.open"));
    }

    [Fact]
    public async Task A_slow_view_submission_is_acked_before_slacks_deadline_and_answered_later()
    {
        _host.Router.Delay = TimeSpan.FromSeconds(3.5);
        _host.Router.Answer = _ => new RouterResult([new TextOut("Saved your commitment")]);
        var view = BlockKit.BlockKitRenderer.RenderModal(Form);
        view["id"] = "V2";
        var payload = new JsonObject { ["type"] = "view_submission", ["user"] = new JsonObject { ["id"] = "U1" }, ["team"] = new JsonObject { ["id"] = "T1" }, ["view"] = view };

        var response = await _host.PostInteractionAsync(payload);

        Assert.Equal(200, response.Status);
        Assert.True(response.Elapsed < TimeSpan.FromSeconds(3), $"ack took {response.Elapsed}");
        Assert.Equal("", response.Body);
        var post = await _host.Api.WaitForCallAsync("chat.postMessage");
        Assert.Equal(("DU1", "Saved your commitment"), (post.Str("channel"), post.Str("text")));
        Assert.Equal("U1", _host.Api.CallsTo("conversations.open")[0].Str("users"));
    }
}
