using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace RolePlay.Browser.Tests.Infrastructure;

/// <summary>Draws the Block Kit the bot sends (a modal view, or a message's blocks) as plain HTML in Slack's layout, so a
/// screenshot shows what a Slack user is given. An approximation for looking at, not Slack's client: only the block
/// types the bot renders (header, section with text or fields, context, divider, input with radio buttons, selects or
/// text, actions) are drawn; of mrkdwn, bold, line breaks and quotes.</summary>
public static partial class BlockKitPreview
{
    private const string Style = """
        body{margin:0;background:#f8f8f8;font:15px/1.46668 "Lato","Helvetica Neue",Arial,sans-serif;color:#1d1c1d}
        .view{width:520px;margin:24px auto;background:#fff;border-radius:8px;box-shadow:0 0 0 1px #ddd,0 4px 12px #0000001f}
        .view>header{padding:18px 24px;font-size:22px;font-weight:900;border-bottom:1px solid #ddd}
        .blocks{padding:16px 24px} .view>footer{padding:16px 24px;border-top:1px solid #ddd;text-align:right}
        .message{width:640px;margin:24px auto;background:#fff;padding:12px 20px;border-radius:8px;box-shadow:0 0 0 1px #ddd}
        .block{margin:10px 0} .label{font-weight:700;margin-bottom:6px} .optional{color:#616061;font-weight:400}
        .fields{display:grid;grid-template-columns:1fr 1fr;gap:8px 16px} .context{color:#616061;font-size:13px}
        label{display:block;margin:4px 0} input[type=text]{width:100%;box-sizing:border-box;padding:8px;border:1px solid #868686;border-radius:4px;font:inherit}
        button{font:inherit;font-weight:700;padding:6px 14px;border-radius:4px;border:1px solid #bbb;background:#fff;margin-left:8px}
        button.primary{background:#007a5a;color:#fff;border-color:#007a5a} button.danger{color:#e01e5a}
        .actions button{margin:0 8px 0 0} .header{font-size:18px;font-weight:900}
        """;

    public static string Modal(JsonObject view)
    {
        var html = new StringBuilder($"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><style>{Style}</style></head><body>");
        html.Append($"<section class=\"view\" aria-label=\"Slack modal\"><header>{Plain(view["title"])}</header><div class=\"blocks\">");
        Blocks(html, view["blocks"]!.AsArray());
        html.Append($"</div><footer><button>{Plain(view["close"])}</button><button class=\"primary\">{Plain(view["submit"])}</button></footer></section></body></html>");
        return html.ToString();
    }

    public static string Message(JsonArray blocks)
    {
        var html = new StringBuilder($"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><style>{Style}</style></head><body>");
        html.Append("<section class=\"message\" aria-label=\"Slack message\"><div class=\"label\">RolePlay <span class=\"optional\">APP</span></div>");
        Blocks(html, blocks);
        html.Append("</section></body></html>");
        return html.ToString();
    }

    private static void Blocks(StringBuilder html, JsonArray blocks)
    {
        foreach (var block in blocks.OfType<JsonObject>())
        {
            switch (block["type"]!.GetValue<string>())
            {
                case "header":
                    html.Append($"<div class=\"block header\">{Plain(block["text"])}</div>");
                    break;
                case "section" when block["fields"] is JsonArray fields:
                    html.Append("<div class=\"block fields\">");
                    foreach (var field in fields)
                    {
                        html.Append($"<div>{Plain(field)}</div>");
                    }

                    html.Append("</div>");
                    break;
                case "section":
                    html.Append($"<div class=\"block\">{Plain(block["text"])}</div>");
                    break;
                case "context":
                    html.Append($"<div class=\"block context\">{string.Join(" ", block["elements"]!.AsArray().Select(Plain))}</div>");
                    break;
                case "divider":
                    html.Append("<hr>");
                    break;
                case "input":
                    Input(html, block);
                    break;
                case "actions":
                    html.Append("<div class=\"block actions\">");
                    foreach (var button in block["elements"]!.AsArray().OfType<JsonObject>())
                    {
                        var style = button["style"]?.GetValue<string>() switch { "primary" => "primary", "danger" => "danger", _ => "" };
                        html.Append($"<button class=\"{style}\">{Plain(button["text"])}</button>");
                    }

                    html.Append("</div>");
                    break;
                default:
                    throw new NotSupportedException($"The preview draws no {block["type"]} block.");
            }
        }
    }

    private static void Input(StringBuilder html, JsonObject block)
    {
        var optional = block["optional"]?.GetValue<bool>() == true ? " <span class=\"optional\">(optional)</span>" : "";
        var id = WebUtility.HtmlEncode(block["block_id"]!.GetValue<string>());
        html.Append($"<fieldset class=\"block\" style=\"border:0;padding:0\"><legend class=\"label\">{Plain(block["label"])}{optional}</legend>");
        var element = block["element"]!.AsObject();
        switch (element["type"]!.GetValue<string>())
        {
            case "radio_buttons" or "static_select":
                foreach (var option in element["options"]!.AsArray().OfType<JsonObject>())
                {
                    html.Append($"<label><input type=\"radio\" name=\"{id}\" value=\"{WebUtility.HtmlEncode(option["value"]!.GetValue<string>())}\"> {Plain(option["text"])}</label>");
                }

                break;
            default:
                html.Append($"<input type=\"text\" name=\"{id}\" aria-label=\"{Plain(block["label"])}\" placeholder=\"{Plain(element["placeholder"])}\">");
                break;
        }

        html.Append("</fieldset>");
    }

    /// <summary>A text object's words, HTML-escaped; of mrkdwn only what the bot uses: <c>*bold*</c>, line breaks and
    /// <c>&gt;</c> quotes.</summary>
    private static string Plain(JsonNode? text)
    {
        if (text?["text"]?.GetValue<string>() is not { } words)
        {
            return "";
        }

        var lines = WebUtility.HtmlEncode(words).Split('\n').Select(line => Bold().Replace(line, "<b>$1</b>"))
            .Select(line => line.StartsWith("&gt;", StringComparison.Ordinal)
                ? $"<span style=\"border-left:4px solid #ddd;padding-left:8px;display:block\">{line[4..]}</span>"
                : line);
        return string.Join("<br>", lines);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\*([^*]+)\*")]
    private static partial System.Text.RegularExpressions.Regex Bold();
}
