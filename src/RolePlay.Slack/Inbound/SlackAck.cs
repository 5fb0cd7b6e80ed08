using System.Text.Json.Nodes;

namespace RolePlay.Slack.Inbound;

/// <summary>How to answer Slack: a status and an optional JSON body (for Socket Mode: the envelope's payload).</summary>
public sealed record SlackAck(int StatusCode, JsonNode? Body = null)
{
    public static SlackAck Ok { get; } = new(200);

    public static SlackAck BadRequest(string error) => new(400, new JsonObject { ["error"] = error });
}
