using System.Text.Json;

namespace RolePlay.Teams.Protocol;

/// <summary>The parts of Teams' <c>channelData</c> the bot uses. Read by hand from the raw element because Teams
/// adds fields freely and a wrongly-typed optional field must not reject the whole activity.</summary>
public sealed record TeamsChannelData(string? TenantId, string? TeamId, string? TeamName, string? TeamAadGroupId,
    string? ChannelId, string? EventType)
{
    public static TeamsChannelData Empty { get; } = new(null, null, null, null, null, null);

    public static TeamsChannelData From(JsonElement? channelData)
    {
        if (channelData is not { ValueKind: JsonValueKind.Object } root)
        {
            return Empty;
        }

        var team = Child(root, "team");
        return new TeamsChannelData(
            TenantId: String(Child(root, "tenant"), "id"),
            TeamId: String(team, "id"),
            TeamName: String(team, "name"),
            TeamAadGroupId: String(team, "aadGroupId"),
            ChannelId: String(Child(root, "channel"), "id"),
            EventType: String(root, "eventType"));
    }

    private static JsonElement? Child(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object
            ? child
            : null;

    private static string? String(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
