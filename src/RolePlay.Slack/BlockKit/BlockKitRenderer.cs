using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RolePlay.Core.Cards;

namespace RolePlay.Slack.BlockKit;

/// <summary>One chat message's worth of Block Kit: <see cref="Text"/> is the notification fallback.</summary>
public sealed record SlackMessage(string Text, JsonArray Blocks);

/// <summary>Renders a Core <see cref="Card"/> as Block Kit for a message, a modal or the Home tab. Every Slack limit is
/// enforced here by truncating ("…") or splitting, so a long card degrades instead of failing with invalid_blocks.</summary>
public static class BlockKitRenderer
{
    public const int MaxMessageBlocks = 50;
    public const int MaxViewBlocks = 100;
    public const int MaxSectionText = 3000;
    public const int MaxFieldText = 2000;
    public const int MaxFieldsPerSection = 10;
    public const int MaxHeaderText = 150;
    public const int MaxButtonText = 75;
    public const int MaxButtonValue = 2000;
    public const int MaxUrl = 3000;
    public const int MaxActionsPerBlock = 25;
    public const int MaxOptions = 100;
    public const int MaxOptionText = 75;
    public const int MaxOptionValue = 150;
    public const int MaxId = 255;
    public const int MaxInputLength = 3000;
    public const int MaxPlaceholder = 150;
    public const int MaxLabel = 2000;
    public const int MaxViewTitle = 24;
    public const int MaxPrivateMetadata = 3000;
    public const int MaxRadioOptions = 10;

    /// <summary>Single choices with this many options or fewer show as radio buttons; more as a drop-down.</summary>
    private const int RadioThreshold = 5;

    /// <summary>Renders a card as one or more messages of at most 50 blocks; the actions stay on the last one.</summary>
    public static IReadOnlyList<SlackMessage> RenderMessages(Card card)
    {
        var body = Body(card, includeTitle: true);
        var actions = ActionBlocks(card.Actions);
        var text = FallbackText(card);
        var messages = new List<SlackMessage>();
        var room = MaxMessageBlocks - actions.Count;
        for (var start = 0; start < body.Count || messages.Count == 0; start += room)
        {
            var chunk = body.Skip(start).Take(room).ToList();
            if (start + room >= body.Count)
            {
                chunk.AddRange(actions);
            }

            messages.Add(new SlackMessage(text, new JsonArray([.. chunk])));
            if (body.Count == 0)
            {
                break;
            }
        }

        return messages;
    }

    /// <summary>A modal view: the card's first submit action becomes the modal's submit button and its verb the
    /// <c>callback_id</c>; its data travels in <c>private_metadata</c>.</summary>
    public static JsonObject RenderModal(Card card)
    {
        var submit = card.Actions.OfType<SubmitAction>().FirstOrDefault();
        var others = card.Actions.Where(a => !ReferenceEquals(a, submit)).ToList();
        var view = new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = SlackText.Truncate(submit?.Verb ?? card.Id, MaxId),
            ["title"] = PlainText(SlackText.Truncate(card.Title ?? "RolePlay", MaxViewTitle)),
            ["close"] = PlainText("Cancel"),
            ["private_metadata"] = submit is null ? "" : DataJson(submit.Data, MaxPrivateMetadata),
            ["blocks"] = ViewBlocks(Body(card, includeTitle: false), ActionBlocks(others)),
        };
        if (submit is not null || card.Inputs.Any())
        {
            view["submit"] = PlainText(SlackText.Truncate(submit?.Title ?? "Submit", MaxViewTitle));
        }

        return view;
    }

    /// <summary>The App Home tab view.</summary>
    public static JsonObject RenderHome(Card card) => new()
    {
        ["type"] = "home",
        ["blocks"] = ViewBlocks(Body(card, includeTitle: true), ActionBlocks(card.Actions)),
    };

    /// <summary>The block id (and action id) an input is rendered with, so validation errors can be keyed by it.</summary>
    public static string BlockIdFor(string inputId) => SlackText.Truncate(inputId, MaxId);

    /// <summary>The verb a button's action_id stands for (buttons repeating a verb get a "~n" suffix to stay unique).</summary>
    public static string VerbOf(string actionId)
    {
        var tilde = actionId.LastIndexOf('~');
        return tilde > 0 && actionId[(tilde + 1)..].All(char.IsAsciiDigit) && tilde < actionId.Length - 1 ? actionId[..tilde] : actionId;
    }

    /// <summary>Notification text: the title, else the first text block.</summary>
    public static string FallbackText(Card card) =>
        SlackText.Truncate(card.Title ?? card.Body.OfType<TextBlock>().FirstOrDefault()?.Text ?? card.Id, MaxSectionText);

    private static JsonArray ViewBlocks(List<JsonObject> body, List<JsonObject> actions)
    {
        var room = MaxViewBlocks - actions.Count;
        if (body.Count > room)
        {
            body = [.. body.Take(room - 1), Context("…")];
        }

        return new JsonArray([.. body, .. actions]);
    }

    private static List<JsonObject> Body(Card card, bool includeTitle)
    {
        var blocks = new List<JsonObject>();
        if (includeTitle && !string.IsNullOrWhiteSpace(card.Title))
        {
            blocks.Add(Header(card.Title));
        }

        foreach (var element in card.Body)
        {
            switch (element)
            {
                case TextBlock { Style: TextStyle.Heading } heading:
                    blocks.Add(Header(heading.Text));
                    break;
                case TextBlock { Style: TextStyle.Subtle } subtle:
                    blocks.Add(Context(SlackText.Escape(subtle.Text)));
                    break;
                case TextBlock { Style: TextStyle.Quote } quote:
                    var quoted = string.Join('\n', SlackText.Escape(quote.Text).Split('\n').Select(line => ">" + line));
                    blocks.AddRange(SlackText.Chunk(quoted, MaxSectionText).Select(Section));
                    break;
                case TextBlock text:
                    blocks.AddRange(SlackText.Chunk(SlackText.Escape(text.Text), MaxSectionText).Select(Section));
                    break;
                case FactSet facts:
                    blocks.AddRange(facts.Facts.Chunk(MaxFieldsPerSection).Select(FieldsSection));
                    break;
                case CardInput input:
                    blocks.Add(Input(input));
                    break;
                default:
                    throw new NotSupportedException($"No Block Kit rendering for {element.GetType().Name}.");
            }
        }

        return blocks;
    }

    private static JsonObject Header(string text) => new() { ["type"] = "header", ["text"] = PlainText(SlackText.Truncate(text, MaxHeaderText)) };

    private static JsonObject Section(string mrkdwn) => new() { ["type"] = "section", ["text"] = Mrkdwn(mrkdwn) };

    private static JsonObject Context(string mrkdwn) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray(Mrkdwn(SlackText.Truncate(mrkdwn, MaxSectionText))),
    };

    private static JsonObject FieldsSection(Fact[] facts) => new()
    {
        ["type"] = "section",
        ["fields"] = new JsonArray([.. facts.Select(f => (JsonNode)Mrkdwn(SlackText.Truncate(
            $"*{SlackText.Escape(f.Title)}*\n{SlackText.Escape(f.Value)}", MaxFieldText)))]),
    };

    private static JsonObject Input(CardInput input)
    {
        var id = BlockIdFor(input.Id);
        JsonObject element = input switch
        {
            TextInput text => TextElement(text),
            ChoiceInput choice => ChoiceElement(choice),
            RatingInput rating => RatingElement(rating),
            _ => throw new NotSupportedException($"No Block Kit input for {input.GetType().Name}."),
        };
        element["action_id"] = id;
        return new JsonObject
        {
            ["type"] = "input",
            ["block_id"] = id,
            ["label"] = PlainText(SlackText.Truncate(input.Label, MaxLabel)),
            ["optional"] = !input.Required,
            ["element"] = element,
        };
    }

    private static JsonObject TextElement(TextInput text)
    {
        var element = new JsonObject
        {
            ["type"] = "plain_text_input",
            ["multiline"] = text.Multiline,
            ["max_length"] = Math.Clamp(text.MaxLength, 1, MaxInputLength),
        };
        if (!string.IsNullOrEmpty(text.Placeholder))
        {
            element["placeholder"] = PlainText(SlackText.Truncate(text.Placeholder, MaxPlaceholder));
        }

        if (!string.IsNullOrEmpty(text.Value))
        {
            element["initial_value"] = SlackText.Truncate(text.Value, Math.Clamp(text.MaxLength, 1, MaxInputLength));
        }

        return element;
    }

    private static JsonObject ChoiceElement(ChoiceInput choice)
    {
        var options = choice.Choices.Take(MaxOptions).Select(c => Option(c.Title, c.Value)).ToList();
        var selected = (choice.Value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        var initial = options.Where(o => selected.Contains(o["value"]!.GetValue<string>())).ToList();
        var type = choice.Multiple ? "multi_static_select" : options.Count <= RadioThreshold ? "radio_buttons" : "static_select";
        var element = new JsonObject { ["type"] = type, ["options"] = new JsonArray([.. options]) };
        if (type != "radio_buttons")
        {
            element["placeholder"] = PlainText(SlackText.Truncate(choice.Label, MaxPlaceholder));
        }

        if (choice.Multiple && initial.Count > 0)
        {
            element["initial_options"] = new JsonArray([.. initial.Select(o => o.DeepClone())]);
        }
        else if (!choice.Multiple && initial.Count > 0)
        {
            element["initial_option"] = initial[0].DeepClone();
        }

        return element;
    }

    private static JsonObject RatingElement(RatingInput rating)
    {
        var max = Math.Clamp(rating.Max, 1, MaxOptions);
        var options = Enumerable.Range(1, max).Select(i => i.ToString(CultureInfo.InvariantCulture)).Select(n => (JsonNode)Option(n, n));
        return max <= MaxRadioOptions
            ? new JsonObject { ["type"] = "radio_buttons", ["options"] = new JsonArray([.. options]) }
            : new JsonObject { ["type"] = "static_select", ["placeholder"] = PlainText("1–" + max), ["options"] = new JsonArray([.. options]) };
    }

    private static JsonObject Option(string text, string value) => new()
    {
        ["text"] = PlainText(SlackText.Truncate(text, MaxOptionText)),
        ["value"] = SlackText.Truncate(value, MaxOptionValue),
    };

    private static List<JsonObject> ActionBlocks(IEnumerable<CardAction> actions)
    {
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        var buttons = actions.Select(action => Button(action, usedIds)).ToList();
        return buttons.Chunk(MaxActionsPerBlock)
            .Select(chunk => new JsonObject { ["type"] = "actions", ["elements"] = new JsonArray([.. chunk]) })
            .ToList();
    }

    private static JsonNode Button(CardAction action, HashSet<string> usedIds)
    {
        var button = new JsonObject { ["type"] = "button", ["text"] = PlainText(SlackText.Truncate(action.Title, MaxButtonText)) };
        switch (action)
        {
            case SubmitAction submit:
                button["action_id"] = UniqueId(submit.Verb, usedIds);
                button["value"] = DataJson(submit.Data, MaxButtonValue);
                if (submit.Style != ActionStyle.Default)
                {
                    button["style"] = submit.Style == ActionStyle.Positive ? "primary" : "danger";
                }

                break;
            case OpenUrlAction open:
                button["action_id"] = UniqueId("open_url", usedIds);
                button["url"] = open.Url.AbsoluteUri.Length <= MaxUrl ? open.Url.AbsoluteUri
                    : throw new ArgumentException($"The URL of '{open.Title}' is longer than Slack's {MaxUrl} characters.", nameof(action));
                break;
            default:
                throw new NotSupportedException($"No Block Kit button for {action.GetType().Name}.");
        }

        return button;
    }

    private static string UniqueId(string verb, HashSet<string> usedIds)
    {
        var suffixRoom = MaxId - 4;
        var id = SlackText.Truncate(verb, MaxId);
        for (var n = 2; !usedIds.Add(id); n++)
        {
            id = $"{(verb.Length > suffixRoom ? verb[..suffixRoom] : verb)}~{n}";
        }

        return id;
    }

    /// <summary>The action's data as a JSON object; entries that would overflow <paramref name="max"/> are dropped (a cut
    /// JSON string would not parse back).</summary>
    private static string DataJson(IReadOnlyDictionary<string, string> data, int max)
    {
        var kept = new Dictionary<string, string>(data);
        var json = JsonSerializer.Serialize(kept);
        foreach (var key in data.Keys.Reverse())
        {
            if (json.Length <= max)
            {
                break;
            }

            kept.Remove(key);
            json = JsonSerializer.Serialize(kept);
        }

        return json;
    }

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };

    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };
}
