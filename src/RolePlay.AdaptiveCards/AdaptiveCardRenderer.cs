using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using RolePlay.Core.Cards;

namespace RolePlay.AdaptiveCards;

/// <summary>Renders a Core <see cref="Card"/> as an Adaptive Card 1.5, the JSON Teams receives and the studio draws with
/// Microsoft's renderer: TextBlocks with wrap, FactSet,
/// Input.ChoiceSet / Input.Text with labels and required messages, ratings as a 1..Max choice set, Action.Execute
/// with an Action.Submit fallback carrying the same data (the verb included, so both paths route), Action.OpenUrl.
/// No action <c>style</c>, no Media, no HTML (Teams ignores or rejects them). Text is plain: Markdown is neutralised.</summary>
public static class AdaptiveCardRenderer
{
    public const string Version = "1.5";
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The data field that names the card action's verb, so Action.Execute and Action.Submit route alike.</summary>
    public const string VerbKey = "verb";
    private const int MaxRating = 10;
    private const int ExpandedChoiceLimit = 5;

    /// <summary>The card as Adaptive Card JSON; <paramref name="inputErrors"/> (input id → message) are shown under
    /// their inputs when a submission was refused.</summary>
    public static JsonObject Render(Card card, IReadOnlyDictionary<string, string>? inputErrors = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        CheckIds(card);
        var body = new JsonArray();
        if (!string.IsNullOrWhiteSpace(card.Title))
        {
            body.Add(Text(card.Title, new JsonObject { ["size"] = "Large", ["weight"] = "Bolder", ["style"] = "heading" }));
        }

        foreach (var element in card.Body)
        {
            body.Add(RenderElement(element));
            if (element is CardInput input && inputErrors?.GetValueOrDefault(input.Id) is { } error)
            {
                body.Add(Text(error, new JsonObject { ["color"] = "Attention", ["spacing"] = "Small" }));
            }
        }

        var root = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["body"] = body,
            ["msteams"] = new JsonObject { ["width"] = "Full" },
        };
        if (card.Actions.Count > 0)
        {
            root["actions"] = new JsonArray(card.Actions.Select(RenderAction).ToArray<JsonNode?>());
        }

        return root;
    }

    /// <summary>Makes user-supplied text display literally in a Markdown TextBlock: Markdown punctuation is
    /// backslash-escaped, list and heading markers at a line start are defused, and <c>{{</c> (Adaptive Card date
    /// functions) is broken with a zero-width space.</summary>
    public static string NeutraliseMarkdown(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (lineStart && char.IsAsciiDigit(c))
            {
                // "1. item" renders as a list: escape the dot after a leading number.
                var end = i;
                while (end < text.Length && char.IsAsciiDigit(text[end]))
                {
                    end++;
                }

                builder.Append(text, i, end - i);
                if (end < text.Length && (text[end] == '.' || text[end] == ')'))
                {
                    builder.Append('\\').Append(text[end]);
                    end++;
                }

                i = end - 1;
                lineStart = false;
                continue;
            }

            if (c is '\\' or '*' or '_' or '[' or ']' or '(' or ')' or '`' or '~' or '#' or '<' or '>' or '|'
                || (lineStart && c is '-' or '+' or '='))
            {
                builder.Append('\\');
            }

            builder.Append(c);
            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{')
            {
                builder.Append('\u200B');
            }

            lineStart = c == '\n' || (lineStart && c is ' ' or '\t');
        }

        return builder.ToString();
    }

    private static JsonObject RenderElement(CardElement element) => element switch
    {
        TextBlock { Style: TextStyle.Heading } t => Text(t.Text, new JsonObject { ["size"] = "Medium", ["weight"] = "Bolder", ["style"] = "heading" }),
        TextBlock { Style: TextStyle.Subtle } t => Text(t.Text, new JsonObject { ["isSubtle"] = true, ["size"] = "Small" }),
        TextBlock { Style: TextStyle.Quote } t => new JsonObject
        {
            ["type"] = "Container",
            ["style"] = "emphasis",
            ["items"] = new JsonArray(Text(t.Text, new JsonObject { ["isSubtle"] = true })),
        },
        TextBlock t => Text(t.Text, []),
        FactSet f => new JsonObject
        {
            ["type"] = "FactSet",
            ["facts"] = new JsonArray(f.Facts
                .Select(x => (JsonNode?)new JsonObject { ["title"] = NeutraliseMarkdown(x.Title), ["value"] = NeutraliseMarkdown(x.Value) })
                .ToArray()),
        },
        ChoiceInput c => ChoiceSet(c, c.Choices, c.Multiple, c.Value,
            c.Multiple || c.Choices.Count <= ExpandedChoiceLimit ? "expanded" : "compact"),
        RatingInput r => ChoiceSet(r, Ratings(r), multiple: false, value: null, style: "expanded"),
        TextInput t => Input(t, "Input.Text", new JsonObject
        {
            ["isMultiline"] = t.Multiline,
            ["maxLength"] = t.MaxLength > 0 ? t.MaxLength : throw new ArgumentException($"Text input '{t.Id}' needs a positive MaxLength."),
            ["placeholder"] = t.Placeholder,
            ["value"] = t.Value,
        }),
        _ => throw new NotSupportedException($"No Adaptive Card rendering for {element.GetType().Name}."),
    };

    private static JsonObject ChoiceSet(CardInput input, IReadOnlyList<Choice> choices, bool multiple, string? value, string style)
    {
        if (choices.Count == 0)
        {
            throw new ArgumentException($"Choice input '{input.Id}' has no choices.");
        }

        return Input(input, "Input.ChoiceSet", new JsonObject
        {
            ["style"] = style,
            ["isMultiSelect"] = multiple,
            ["choices"] = new JsonArray(choices.Select(c => (JsonNode?)new JsonObject { ["title"] = c.Title, ["value"] = c.Value }).ToArray()),
            ["value"] = value,
        });
    }

    private static List<Choice> Ratings(RatingInput rating)
    {
        if (rating.Max is < 2 or > MaxRating)
        {
            throw new ArgumentException($"Rating '{rating.Id}' must have a Max between 2 and {MaxRating}, got {rating.Max}.");
        }

        return Enumerable.Range(1, rating.Max)
            .Select(i => i.ToString(CultureInfo.InvariantCulture))
            .Select(s => new Choice(s, s))
            .ToList();
    }

    private static JsonObject Input(CardInput input, string type, JsonObject properties)
    {
        var node = new JsonObject { ["type"] = type, ["id"] = input.Id, ["label"] = input.Label };
        foreach (var (name, value) in properties.ToList())
        {
            properties.Remove(name);
            if (value is not null)
            {
                node[name] = value;
            }
        }

        if (input.Required)
        {
            node["isRequired"] = true;
            node["errorMessage"] = $"{input.Label} is required.";
        }

        return node;
    }

    private static JsonObject RenderAction(CardAction action) => action switch
    {
        SubmitAction submit => new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = submit.Title,
            ["verb"] = submit.Verb,
            ["data"] = Data(submit),
            ["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = submit.Title, ["data"] = Data(submit) },
        },
        OpenUrlAction open when open.Url.IsAbsoluteUri && (open.Url.Scheme == Uri.UriSchemeHttps || open.Url.Scheme == Uri.UriSchemeHttp) =>
            new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = open.Title, ["url"] = open.Url.AbsoluteUri },
        OpenUrlAction open => throw new ArgumentException($"Action '{open.Title}' may only open an absolute http(s) URL, got '{open.Url}'."),
        _ => throw new NotSupportedException($"No Adaptive Card rendering for {action.GetType().Name}."),
    };

    private static JsonObject Data(SubmitAction submit)
    {
        if (string.IsNullOrWhiteSpace(submit.Verb))
        {
            throw new ArgumentException($"Action '{submit.Title}' has no verb.");
        }

        var data = new JsonObject();
        foreach (var (key, value) in submit.Data)
        {
            data[key] = value;
        }

        data[VerbKey] = submit.Verb;
        return data;
    }

    private static JsonObject Text(string text, JsonObject style)
    {
        var node = new JsonObject { ["type"] = "TextBlock", ["text"] = NeutraliseMarkdown(text), ["wrap"] = true };
        foreach (var (name, value) in style.ToList())
        {
            style.Remove(name);
            node[name] = value;
        }

        return node;
    }

    private static void CheckIds(Card card)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in card.Inputs)
        {
            if (string.IsNullOrWhiteSpace(input.Id))
            {
                throw new ArgumentException($"Card '{card.Id}' has an input with no id.");
            }

            if (input.Id == VerbKey)
            {
                throw new ArgumentException($"Card '{card.Id}': input id '{input.Id}' is reserved for the action verb.");
            }

            if (!seen.Add(input.Id))
            {
                throw new ArgumentException($"Card '{card.Id}' has two inputs with id '{input.Id}'.");
            }
        }
    }
}
