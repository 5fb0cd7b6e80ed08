using System.Text.Json.Nodes;
using RolePlay.Core.Cards;
using RolePlay.Slack.BlockKit;

namespace RolePlay.Slack.Tests;

public sealed class BlockKitRendererTests
{
    [Fact]
    public void User_text_is_escaped_so_mentions_and_links_cannot_be_injected()
    {
        var card = new Card("c", null, [new TextBlock("hey <@U123> & <!channel> <https://evil|click>")], []);

        var text = Section(BlockKitRenderer.RenderMessages(card)[0].Blocks[0]!);

        Assert.Equal("hey &lt;@U123&gt; &amp; &lt;!channel&gt; &lt;https://evil|click&gt;", text);
    }

    [Fact]
    public void Escaping_replaces_ampersand_first_so_entities_are_not_double_escaped_wrongly()
    {
        Assert.Equal("&amp;lt; &lt;&gt;", SlackText.Escape("&lt; <>"));
    }

    [Fact]
    public void A_card_of_more_than_fifty_blocks_is_split_into_messages_with_the_actions_last()
    {
        var body = Enumerable.Range(1, 120).Select(i => (CardElement)new TextBlock($"line {i}")).ToList();
        var card = new Card("long", "Title", body, [new SubmitAction("Go", "go")]);

        var messages = BlockKitRenderer.RenderMessages(card);

        Assert.Equal(3, messages.Count);
        Assert.All(messages, m => Assert.InRange(m.Blocks.Count, 1, BlockKitRenderer.MaxMessageBlocks));
        Assert.Equal(122, messages.Sum(m => m.Blocks.Count));
        Assert.Equal("actions", messages[^1].Blocks[^1]!["type"]!.GetValue<string>());
        Assert.DoesNotContain(messages[0].Blocks, b => b!["type"]!.GetValue<string>() == "actions");
    }

    [Fact]
    public void A_view_over_one_hundred_blocks_is_truncated_with_an_ellipsis_and_keeps_its_actions()
    {
        var body = Enumerable.Range(1, 150).Select(i => (CardElement)new TextBlock($"line {i}")).ToList();
        var card = new Card("home", "Home", body, [new SubmitAction("Start", "practice.start")]);

        var blocks = BlockKitRenderer.RenderHome(card)["blocks"]!.AsArray();

        Assert.Equal(BlockKitRenderer.MaxViewBlocks, blocks.Count);
        Assert.Equal("actions", blocks[^1]!["type"]!.GetValue<string>());
        Assert.Equal("…", blocks[^2]!["elements"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Long_texts_are_split_into_sections_of_at_most_3000_characters()
    {
        var text = string.Concat(Enumerable.Repeat("a sentence. ", 700));
        var blocks = BlockKitRenderer.RenderMessages(new Card("c", null, [new TextBlock(text)], []))[0].Blocks;

        Assert.Equal(3, blocks.Count);
        Assert.All(blocks, b => Assert.InRange(Section(b!).Length, 1, BlockKitRenderer.MaxSectionText));
        Assert.Equal(text.Length, blocks.Sum(b => Section(b!).Length));
    }

    [Fact]
    public void Headers_buttons_and_titles_are_truncated_with_an_ellipsis()
    {
        var card = new Card("c", new string('T', 200), [new TextBlock(new string('H', 300), TextStyle.Heading)],
            [new SubmitAction(new string('B', 100), "verb")]);

        var blocks = BlockKitRenderer.RenderMessages(card)[0].Blocks;
        var modal = BlockKitRenderer.RenderModal(card);

        var header = blocks[0]!["text"]!["text"]!.GetValue<string>();
        Assert.Equal(BlockKitRenderer.MaxHeaderText, header.Length);
        Assert.EndsWith("…", header, StringComparison.Ordinal);
        Assert.Equal(BlockKitRenderer.MaxButtonText, blocks[^1]!["elements"]![0]!["text"]!["text"]!.GetValue<string>().Length);
        Assert.Equal(BlockKitRenderer.MaxViewTitle, modal["title"]!["text"]!.GetValue<string>().Length);
        Assert.Equal(BlockKitRenderer.MaxViewTitle, modal["submit"]!["text"]!.GetValue<string>().Length);
    }

    [Fact]
    public void A_choice_of_101_options_keeps_100_with_texts_and_values_within_limits()
    {
        var choices = Enumerable.Range(1, 101).Select(i => new Choice($"{new string('x', 80)}{i}", $"{new string('v', 160)}{i}")).ToList();

        var element = Input(new ChoiceInput("pick", "Pick one", choices))["element"]!;

        Assert.Equal("static_select", element["type"]!.GetValue<string>());
        var options = element["options"]!.AsArray();
        Assert.Equal(BlockKitRenderer.MaxOptions, options.Count);
        Assert.All(options, o =>
        {
            Assert.InRange(o!["text"]!["text"]!.GetValue<string>().Length, 1, BlockKitRenderer.MaxOptionText);
            Assert.InRange(o["value"]!.GetValue<string>().Length, 1, BlockKitRenderer.MaxOptionValue);
        });
    }

    [Theory]
    [InlineData(3, false, "radio_buttons")]
    [InlineData(8, false, "static_select")]
    [InlineData(3, true, "multi_static_select")]
    public void Choices_render_as_radio_buttons_a_drop_down_or_a_multi_select(int count, bool multiple, string expected)
    {
        var choices = Enumerable.Range(1, count).Select(i => new Choice($"c{i}", $"v{i}")).ToList();

        Assert.Equal(expected, Input(new ChoiceInput("p", "P", choices, multiple, Value: "v2"))["element"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Text_inputs_and_ratings_become_input_blocks_keyed_by_the_input_id()
    {
        var text = Input(new TextInput("commit", "Commitment", new string('p', 200), Multiline: true, MaxLength: 9000, Required: true));
        var rating = Input(new RatingInput("feel", "Feeling", Max: 5));

        Assert.Equal(("commit", "commit", false), (text["block_id"]!.GetValue<string>(), text["element"]!["action_id"]!.GetValue<string>(), text["optional"]!.GetValue<bool>()));
        Assert.Equal(BlockKitRenderer.MaxInputLength, text["element"]!["max_length"]!.GetValue<int>());
        Assert.Equal(BlockKitRenderer.MaxPlaceholder, text["element"]!["placeholder"]!["text"]!.GetValue<string>().Length);
        Assert.True(text["element"]!["multiline"]!.GetValue<bool>());
        Assert.Equal(["1", "2", "3", "4", "5"], rating["element"]!["options"]!.AsArray().Select(o => o!["value"]!.GetValue<string>()));
    }

    [Fact]
    public void Facts_are_fields_at_most_ten_per_section()
    {
        var facts = new FactSet(Enumerable.Range(1, 23).Select(i => new Fact($"k{i}", $"<v{i}>")).ToList());

        var blocks = BlockKitRenderer.RenderMessages(new Card("c", null, [facts], []))[0].Blocks;

        Assert.Equal([10, 10, 3], blocks.Select(b => b!["fields"]!.AsArray().Count));
        Assert.Equal("*k1*\n&lt;v1&gt;", blocks[0]!["fields"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Buttons_carry_their_verb_and_data_and_repeated_verbs_stay_unique()
    {
        var actions = Enumerable.Range(1, 30)
            .Select(i => (CardAction)new SubmitAction($"Option {i}", "pick", new Dictionary<string, string> { ["n"] = $"{i}" }, i == 1 ? ActionStyle.Positive : ActionStyle.Default))
            .Append(new OpenUrlAction("Studio", new Uri("https://studio.example/x")))
            .ToList();

        var blocks = BlockKitRenderer.RenderMessages(new Card("c", null, [], actions))[0].Blocks;

        Assert.Equal([25, 6], blocks.Select(b => b!["elements"]!.AsArray().Count));
        var buttons = blocks.SelectMany(b => b!["elements"]!.AsArray()).ToList();
        var ids = buttons.Select(b => b!["action_id"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids.Take(30), id => Assert.Equal("pick", BlockKitRenderer.VerbOf(id)));
        Assert.Equal("{\"n\":\"7\"}", buttons[6]!["value"]!.GetValue<string>());
        Assert.Equal("primary", buttons[0]!["style"]!.GetValue<string>());
        Assert.Equal("https://studio.example/x", buttons[^1]!["url"]!.GetValue<string>());
    }

    [Fact]
    public void Button_data_too_long_for_the_value_drops_entries_and_stays_valid_json()
    {
        var data = Enumerable.Range(1, 10).ToDictionary(i => $"k{i}", _ => new string('d', 300));

        var value = BlockKitRenderer.RenderMessages(new Card("c", null, [], [new SubmitAction("Go", "go", data)]))[0]
            .Blocks[0]!["elements"]![0]!["value"]!.GetValue<string>();

        Assert.InRange(value.Length, 2, BlockKitRenderer.MaxButtonValue);
        Assert.Equal(6, JsonNode.Parse(value)!.AsObject().Count);
    }

    [Fact]
    public void A_modal_takes_its_callback_id_and_metadata_from_the_first_submit_action()
    {
        var card = new Card("form", "Commit", [new TextInput("t", "T")],
            [new SubmitAction("Save", "debrief.commit", new Dictionary<string, string> { ["s"] = "1" }), new SubmitAction("Skip", "debrief.skip")]);

        var modal = BlockKitRenderer.RenderModal(card);

        Assert.Equal(("modal", "debrief.commit", "{\"s\":\"1\"}"),
            (modal["type"]!.GetValue<string>(), modal["callback_id"]!.GetValue<string>(), modal["private_metadata"]!.GetValue<string>()));
        Assert.Equal("debrief.skip", modal["blocks"]!.AsArray()[^1]!["elements"]![0]!["action_id"]!.GetValue<string>());
    }

    [Fact]
    public void Truncation_never_leaves_half_an_entity_or_a_lone_surrogate()
    {
        Assert.Equal("ab…", SlackText.Truncate("ab&amp;cdef", 6));
        Assert.Equal("a…", SlackText.Truncate("a😀b", 3));
    }

    private static string Section(JsonNode block) => block["text"]!["text"]!.GetValue<string>();

    private static JsonNode Input(CardInput input) =>
        BlockKitRenderer.RenderMessages(new Card("c", null, [input], []))[0].Blocks[0]!;
}
