using System.Text.Json;
using System.Text.Json.Nodes;
using RolePlay.Slack.Inbound.Payloads;

namespace RolePlay.Slack.Inbound;

/// <summary>What the inbox keeps of a request so that another instance can handle it again: its JSON payload as it
/// came, or, for a slash command (a form), its fields as one JSON object under <see cref="CommandProperty"/>.</summary>
public sealed record StoredRequest(string Description, string Payload)
{
    private const string CommandProperty = "slash_command";

    public static StoredRequest Command(SlackSlashCommand command, IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(fields);
        var stored = new JsonObject();
        foreach (var (name, value) in fields)
        {
            stored[name] = value;
        }

        return new StoredRequest($"command {command.Command} by {command.UserId}", new JsonObject { [CommandProperty] = stored }.ToJsonString());
    }

    /// <summary>A stored command's fields; null for any other payload.</summary>
    public static Dictionary<string, string>? ReadCommand(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(CommandProperty, out var fields) && fields.ValueKind == JsonValueKind.Object
            ? fields.EnumerateObject().Where(f => f.Value.ValueKind == JsonValueKind.String).ToDictionary(f => f.Name, f => f.Value.GetString()!)
            : null;
}
