using System.Text.Json.Nodes;
using RolePlay.AdaptiveCards;
using RolePlay.Core.Cards;
using RolePlay.Core.Practice;
using RolePlay.Teams.Cards;
using RolePlay.Teams.Tests.Infrastructure;

namespace RolePlay.Teams.Tests;

public sealed class AdaptiveCardRendererTests
{
    private static JsonNode Body(JsonObject card, int index) => card["body"]![index]!;

    [Fact]
    public void A_card_is_version_1_5_with_a_wrapped_heading_title()
    {
        var card = AdaptiveCardRenderer.Render(SampleCards.Text);

        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Equal("Today's practice", Body(card, 0)["text"]!.GetValue<string>());
        Assert.Equal("heading", Body(card, 0)["style"]!.GetValue<string>());
        Assert.All(card["body"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() == "TextBlock"), e => Assert.True(e!["wrap"]!.GetValue<bool>()));
        Assert.Equal("Bolder", Body(card, 2)["weight"]!.GetValue<string>());
        Assert.True(Body(card, 3)["isSubtle"]!.GetValue<bool>());
        Assert.Equal("Container", Body(card, 4)["type"]!.GetValue<string>());
        Assert.Null(card["actions"]);
    }

    [Fact]
    public void Submit_actions_are_Execute_with_an_Action_Submit_fallback_carrying_the_same_data_and_no_style()
    {
        var card = AdaptiveCardRenderer.Render(SampleCards.Actions);
        var actions = card["actions"]!.AsArray();

        var start = actions[0]!;
        Assert.Equal("Action.Execute", start["type"]!.GetValue<string>());
        Assert.Equal("practice.start", start["verb"]!.GetValue<string>());
        var expectedData = new JsonObject { ["scenario"] = "late-delivery", ["verb"] = "practice.start" };
        Assert.True(JsonNode.DeepEquals(expectedData, start["data"]));
        Assert.Equal("Action.Submit", start["fallback"]!["type"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(expectedData, start["fallback"]!["data"]));
        Assert.All(actions, a => Assert.Null(a!["style"]));
        Assert.Equal("Action.OpenUrl", actions[2]!["type"]!.GetValue<string>());
        Assert.Equal("https://roleplay.example.com/studio?x=1", actions[2]!["url"]!.GetValue<string>());
    }

    [Fact]
    public void Choice_inputs_are_expanded_when_short_compact_when_long_and_multi_select_when_asked()
    {
        var card = AdaptiveCardRenderer.Render(SampleCards.Choices);

        Assert.Equal(("expanded", false, "2"), (Body(card, 1)["style"]!.GetValue<string>(), Body(card, 1)["isMultiSelect"]!.GetValue<bool>(), Body(card, 1)["value"]!.GetValue<string>()));
        Assert.Equal("compact", Body(card, 2)["style"]!.GetValue<string>());
        Assert.True(Body(card, 3)["isMultiSelect"]!.GetValue<bool>());
        Assert.Equal("Intensity", Body(card, 1)["label"]!.GetValue<string>());
        Assert.True(Body(card, 1)["isRequired"]!.GetValue<bool>());
        Assert.Equal("Intensity is required.", Body(card, 1)["errorMessage"]!.GetValue<string>());
        Assert.Null(Body(card, 2)["isRequired"]);
    }

    [Fact]
    public void Text_inputs_carry_label_placeholder_multiline_and_max_length()
    {
        var card = AdaptiveCardRenderer.Render(SampleCards.TextInputs);

        var feeling = Body(card, 1);
        Assert.Equal(("Input.Text", "feeling", "One or two words", 80, false),
            (feeling["type"]!.GetValue<string>(), feeling["id"]!.GetValue<string>(), feeling["placeholder"]!.GetValue<string>(),
             feeling["maxLength"]!.GetValue<int>(), feeling["isMultiline"]!.GetValue<bool>()));
        Assert.True(Body(card, 2)["isMultiline"]!.GetValue<bool>());
        Assert.True(Body(card, 2)["isRequired"]!.GetValue<bool>());
        Assert.Equal("prefilled", Body(card, 3)["value"]!.GetValue<string>());
    }

    [Fact]
    public void A_rating_is_an_expanded_choice_set_of_one_to_max()
    {
        var card = AdaptiveCardRenderer.Render(SampleCards.Rating);

        var rating = Body(card, 0);
        Assert.Equal("Input.ChoiceSet", rating["type"]!.GetValue<string>());
        Assert.Equal(["1", "2", "3", "4", "5"], rating["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()));
        Assert.Equal("expanded", rating["style"]!.GetValue<string>());
    }

    [Fact]
    public void Input_errors_appear_under_their_inputs_in_attention_colour()
    {
        var card = AdaptiveCardRenderer.Render(SampleCards.TextInputs, new Dictionary<string, string> { ["commitment"] = "Write one sentence." });

        var error = Body(card, 3);
        Assert.Equal("Write one sentence.", error["text"]!.GetValue<string>());
        Assert.Equal("Attention", error["color"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("**bold**", "\\*\\*bold\\*\\*")]
    [InlineData("_it_", "\\_it\\_")]
    [InlineData("[x](http://evil)", "\\[x\\]\\(http://evil\\)")]
    [InlineData("1. first", "1\\. first")]
    [InlineData("line\n- bullet", "line\n\\- bullet")]
    [InlineData("  + plus", "  \\+ plus")]
    [InlineData("# heading", "\\# heading")]
    [InlineData("<at>x</at>", "\\<at\\>x\\</at\\>")]
    [InlineData("{{DATE(2017-02-14T06:08:39Z)}}", "{\u200B{DATE\\(2017-02-14T06:08:39Z\\)}}")]
    [InlineData("costs 3-4 days, a - b", "costs 3-4 days, a - b")]
    [InlineData("back\\slash", "back\\\\slash")]
    public void Markdown_in_plain_text_is_neutralised(string text, string expected)
    {
        Assert.Equal(expected, AdaptiveCardRenderer.NeutraliseMarkdown(text));
    }

    [Fact]
    public void The_attachment_and_invoke_response_wrap_the_card()
    {
        var attachment = AdaptiveCardPayloads.ToAttachment(SampleCards.Facts);
        var response = AdaptiveCardPayloads.ToInvokeResponse(SampleCards.Facts);

        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        Assert.Equal("FactSet", attachment.Content!["body"]![1]!["type"]!.GetValue<string>());
        Assert.Equal((200, "application/vnd.microsoft.card.adaptive"), (response.StatusCode, response.Type));
        Assert.Equal("Bakery \\*owner\\*", response.Value!["body"]![1]!["facts"]![1]!["value"]!.GetValue<string>());
    }

    public static TheoryData<string, Card> BadCards() => new()
    {
        { "duplicate ids", new Card("x", null, [new TextInput("a", "A"), new TextInput("a", "B")], []) },
        { "reserved id", new Card("x", null, [new TextInput("verb", "A")], []) },
        { "empty id", new Card("x", null, [new TextInput(" ", "A")], []) },
        { "no choices", new Card("x", null, [new ChoiceInput("c", "C", [])], []) },
        { "rating of 1", new Card("x", null, [new RatingInput("r", "R", Max: 1)], []) },
        { "rating of 11", new Card("x", null, [new RatingInput("r", "R", Max: 11)], []) },
        { "zero max length", new Card("x", null, [new TextInput("t", "T", MaxLength: 0)], []) },
        { "javascript url", new Card("x", null, [], [new OpenUrlAction("Go", new Uri("javascript:alert(1)"))]) },
        { "empty verb", new Card("x", null, [], [new SubmitAction("Go", "")]) },
    };

    [Theory]
    [MemberData(nameof(BadCards))]
    public void A_card_that_cannot_render_is_refused_with_a_clear_error(string name, Card card)
    {
        var error = Assert.Throws<ArgumentException>(() => AdaptiveCardRenderer.Render(card));
        Assert.False(string.IsNullOrWhiteSpace(error.Message), name);
    }
}
