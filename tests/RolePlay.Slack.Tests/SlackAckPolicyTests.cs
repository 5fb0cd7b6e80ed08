using System.Text.Json.Nodes;
using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Slack.Inbound;

namespace RolePlay.Slack.Tests;

public sealed class SlackAckPolicyTests
{
    private static readonly Card Form = new("debrief.commit", "Your commitment", [new TextInput("commitment", "One thing", Required: true)],
        [new SubmitAction("Commit", "debrief.commit")]);

    private static readonly Card Done = new("done", "Thanks", [new TextBlock("Saved")], []);

    [Fact]
    public void Refusals_say_why_with_the_status_slack_acts_on()
    {
        Assert.Equal((403, "workspace_not_served"), (SlackAckPolicy.WorkspaceRefused.StatusCode, Error(SlackAckPolicy.WorkspaceRefused)));
        Assert.Equal((503, "busy"), (SlackAckPolicy.Busy.StatusCode, Error(SlackAckPolicy.Busy)));
        Assert.Equal((400, "needs event_id"), (SlackAck.BadRequest("needs event_id").StatusCode, Error(SlackAck.BadRequest("needs event_id"))));
        Assert.Equal(("ephemeral", "…"), (Str(SlackAckPolicy.CommandInterim(), "response_type"), Str(SlackAckPolicy.CommandInterim(), "text")));
    }

    [Fact]
    public void A_command_with_nothing_to_say_is_a_bare_ok()
    {
        Assert.Equal(new SlackQuickAnswer(SlackAck.Ok), SlackAckPolicy.CommandAnswer(RouterResult.Nothing));
    }

    [Fact]
    public void A_commands_first_reply_goes_in_the_ack_escaped_and_the_rest_is_left_to_deliver()
    {
        var second = new TextOut("second");
        var answer = SlackAckPolicy.CommandAnswer(new RouterResult([new TextOut("a < b"), second], ReplaceCard: Done));

        Assert.Equal((200, "ephemeral", "a &lt; b"), (answer.Ack.StatusCode, Str(answer.Ack, "response_type"), Str(answer.Ack, "text")));
        Assert.Equal([second], answer.Rest!.Replies);
        Assert.Same(Done, answer.Rest.ReplaceCard);
    }

    [Fact]
    public void A_single_reply_leaves_nothing_to_deliver()
    {
        var answer = SlackAckPolicy.CommandAnswer(new RouterResult([new CardOut(Done)]));

        Assert.NotNull(answer.Ack.Body!["blocks"]);
        Assert.Null(answer.Rest);
    }

    [Fact]
    public void A_form_in_a_commands_answer_is_not_put_in_the_ack_so_it_can_open_as_a_modal()
    {
        var result = new RouterResult([new TextOut("fill this in"), new CardOut(Form)]);

        var answer = SlackAckPolicy.CommandAnswer(result);

        Assert.Equal(new SlackQuickAnswer(SlackAck.Ok, result), answer);
    }

    [Fact]
    public void A_reply_that_speaks_for_someone_is_not_put_in_the_ack_so_it_is_posted_for_everyone()
    {
        var result = new RouterResult([new TextOut("Feedback from Ana: calm") { AuthoredBy = new ChannelUser("slack", "T1", "UANA", "Ana") }]);

        var answer = SlackAckPolicy.CommandAnswer(result);

        Assert.Equal(new SlackQuickAnswer(SlackAck.Ok, result), answer);
    }

    [Fact]
    public void Refused_view_inputs_come_back_as_errors_keyed_by_block_id()
    {
        var answer = SlackAckPolicy.ViewAnswer(new RouterResult([new TextOut("ignored")], InputErrors: new Dictionary<string, string> { ["commitment"] = "Write one thing." }));

        Assert.Equal("errors", Str(answer.Ack, "response_action"));
        Assert.Equal("Write one thing.", answer.Ack.Body!["errors"]!["commitment"]!.GetValue<string>());
        Assert.Null(answer.Rest);
    }

    [Fact]
    public void A_next_form_updates_the_modal_and_the_other_replies_are_posted()
    {
        var note = new TextOut("Noted");
        var answer = SlackAckPolicy.ViewAnswer(new RouterResult([note, new CardOut(Form)]));

        Assert.Equal("update", Str(answer.Ack, "response_action"));
        Assert.Equal("debrief.commit", answer.Ack.Body!["view"]!["callback_id"]!.GetValue<string>());
        Assert.Equal([note], answer.Rest!.Replies);
    }

    [Fact]
    public void A_replacement_card_updates_the_modal_and_plain_replies_close_it()
    {
        Assert.Equal("update", Str(SlackAckPolicy.ViewAnswer(new RouterResult([], ReplaceCard: Done)).Ack, "response_action"));

        var closing = SlackAckPolicy.ViewAnswer(new RouterResult([new TextOut("Saved")]));
        Assert.Same(SlackAck.Ok, closing.Ack);
        Assert.Equal("Saved", Assert.IsType<TextOut>(Assert.Single(closing.Rest!.Replies)).Text);
    }

    private static string Error(SlackAck ack) => Str(ack, "error");

    private static string Str(SlackAck ack, string name) => ack.Body![name]!.GetValue<string>();
}
