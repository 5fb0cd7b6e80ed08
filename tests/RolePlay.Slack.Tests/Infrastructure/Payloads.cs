using System.Text.Json.Nodes;

namespace RolePlay.Slack.Tests.Infrastructure;

/// <summary>Builders for Slack payloads in the shapes the platform sends.</summary>
public static class Payloads
{
    public static JsonObject Event(JsonObject evt, string team = "T1", string? eventId = null, string botUserId = "UBOT") => new()
    {
        ["token"] = "unused",
        ["team_id"] = team,
        ["api_app_id"] = "A1",
        ["event"] = evt,
        ["type"] = "event_callback",
        ["event_id"] = eventId ?? "Ev" + Guid.NewGuid().ToString("N")[..10],
        ["event_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["authorizations"] = new JsonArray(new JsonObject
        {
            ["enterprise_id"] = null, ["team_id"] = team, ["user_id"] = botUserId, ["is_bot"] = true, ["is_enterprise_install"] = false,
        }),
    };

    public static JsonObject DirectMessage(string text, string user = "U1", string channel = "D1") => new()
    {
        ["type"] = "message", ["user"] = user, ["text"] = text, ["ts"] = "1700000000.000100", ["channel"] = channel,
        ["event_ts"] = "1700000000.000100", ["channel_type"] = "im",
    };

    public static Dictionary<string, string> Command(string text, string team = "T1", string trigger = "trig-1") => new()
    {
        ["team_id"] = team, ["channel_id"] = "C1", ["user_id"] = "U1", ["user_name"] = "maria", ["command"] = "/practice",
        ["text"] = text, ["response_url"] = "https://hooks.slack.invalid/commands/1", ["trigger_id"] = trigger, ["api_app_id"] = "A1",
    };
}
