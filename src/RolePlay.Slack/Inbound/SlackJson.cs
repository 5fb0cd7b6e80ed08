using System.Globalization;
using System.Text.Json;

namespace RolePlay.Slack.Inbound;

/// <summary>Tolerant reads from Slack payloads: absent, null or wrongly typed fields read as null, never throw.</summary>
internal static class SlackJson
{
    public static string? Str(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static JsonElement Obj(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : default;

    public static bool True(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    public static IEnumerable<JsonElement> Array(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : [];

    /// <summary>A Slack timestamp ("1610241741.000200") as a time, or null.</summary>
    public static DateTimeOffset? Ts(string? ts) =>
        decimal.TryParse(ts, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and < 32_503_680_000m
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000))
            : null;

    /// <summary>The tenant a payload belongs to: the workspace, or the enterprise for org-wide installs (team: null).</summary>
    public static string? Tenant(string? teamId, string? enterpriseId, bool isEnterpriseInstall) =>
        isEnterpriseInstall || string.IsNullOrEmpty(teamId) ? (string.IsNullOrEmpty(enterpriseId) ? teamId : enterpriseId) : teamId;
}
