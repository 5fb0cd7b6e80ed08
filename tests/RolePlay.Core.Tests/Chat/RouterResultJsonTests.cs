using System.Text.Json;
using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Core.Consent;

namespace RolePlay.Core.Tests.Chat;

/// <summary>A recorded answer reads back as the answer that was recorded: every kind of reply, element and action, and
/// where a reply goes.</summary>
public sealed class RouterResultJsonTests
{
    [Fact]
    public void Every_kind_of_reply_element_and_action_reads_back_as_written()
    {
        var person = new ChannelUser("slack", "T1", "U1", "Ana");
        var channel = new ConversationAddress("slack", "T1", "C1", ConversationKind.Channel, ThreadId: "1700000000.1", TeamId: "team-1");
        var card = new Card("everything", "Title",
            [
                new TextBlock("Plain <not markup>", TextStyle.Quote),
                new FactSet([new Fact("Persona", "Graham, 71")]),
                new ChoiceInput("skill", "Skill", [new Choice("Naming feelings", "naming")], Multiple: true, Value: "naming", Required: true),
                new TextInput("note", "Note", "Type here", Multiline: true, MaxLength: 300, Value: "draft"),
                new RatingInput("felt", "How did that feel?", Max: 4),
            ],
            [
                new SubmitAction("Commit", "debrief.commit", new Dictionary<string, string> { ["sessionId"] = "s-1" }, ActionStyle.Positive),
                new SubmitAction("Stop", "optout", ActionStyle.Destructive),
                new OpenUrlAction("Studio", new Uri("https://roleplay.example/studio")),
            ]);
        var result = new RouterResult(
            [
                new TextOut("Hello") { VisibleTo = person },
                new CardOut(card) { Target = channel, AuthoredBy = person },
                new CardOut(ConsentCards.Welcome()),
            ],
            ReplaceCard: card,
            InputErrors: new Dictionary<string, string> { ["note"] = "Too long" });

        var json = RouterResultJson.Write(result);
        var read = RouterResultJson.Read(json);

        Assert.Equal(json, RouterResultJson.Write(read));
        Assert.Equal([typeof(TextOut), typeof(CardOut), typeof(CardOut)], read.Replies.Select(r => r.GetType()));
        Assert.Equal(person, read.Replies[0].VisibleTo);
        Assert.Equal((channel, person), (read.Replies[1].Target, read.Replies[1].AuthoredBy));
        var readCard = ((CardOut)read.Replies[1]).Card;
        Assert.Equal(card.Body.Select(e => e.GetType()), readCard.Body.Select(e => e.GetType()));
        Assert.Equal(["felt", "note", "skill"], readCard.Inputs.Select(i => i.Id).Order());
        var commit = Assert.IsType<SubmitAction>(readCard.Actions[0]);
        Assert.Equal(("debrief.commit", "s-1", ActionStyle.Positive), (commit.Verb, commit.Data["sessionId"], commit.Style));
        Assert.Equal(new Uri("https://roleplay.example/studio"), Assert.IsType<OpenUrlAction>(readCard.Actions[2]).Url);
        Assert.Equal("Too long", read.InputErrors!["note"]);
        Assert.Equal("everything", read.ReplaceCard!.Id);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("""{"replies":[{"kind":"sound","text":"x"}]}""")]
    [InlineData("""{"replies":""")]
    public void Text_that_is_not_a_recorded_answer_is_refused(string json) =>
        Assert.ThrowsAny<JsonException>(() => RouterResultJson.Read(json));
}
