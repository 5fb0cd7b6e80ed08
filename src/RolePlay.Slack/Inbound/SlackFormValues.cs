using System.Text.Json;
using RolePlay.Slack.Inbound.Payloads;

namespace RolePlay.Slack.Inbound;

/// <summary>The values a card submission carries: its inputs keyed by action id (= the card input id), a button's data
/// and a modal's private_metadata, each a JSON object the Block Kit renderer wrote.</summary>
internal static class SlackFormValues
{
    /// <summary>Input values of a form: <c>state.values[block_id][action_id]</c>, keyed by action id.</summary>
    public static Dictionary<string, string> Of(SlackState? state)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in state?.Values ?? [])
        {
            values[input.ActionId] = input.Value;
        }

        return values;
    }

    /// <summary>A button's data: the JSON object the renderer put in its value, else the raw value; a menu's choice.</summary>
    public static Dictionary<string, string> ActionData(SlackAction action)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        if (action.Value is { } value)
        {
            var parsed = Metadata(value);
            if (parsed.Count > 0 || value == "{}")
            {
                return parsed;
            }

            data["value"] = value;
        }
        else if (action.SelectedOptionValue is { } selected && action.ActionId is { } id)
        {
            data[id] = selected;
        }

        return data;
    }

    /// <summary>A flat JSON object's properties as text; anything else (plain text metadata, broken JSON) is no data.</summary>
    public static Dictionary<string, string> Metadata(string? json)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json) || json[0] != '{')
        {
            return data;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                data[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not JSON, or JSON holding a string .NET cannot read (an escaped lone surrogate): no metadata.
            data.Clear();
        }

        return data;
    }
}
