using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace RolePlay.Slack.Inbound.Payloads;

/// <summary>The Events API envelope (<c>type: event_callback</c>) with the first of its <c>authorizations</c>.</summary>
public sealed record SlackEventCallback(string EventId, string? TeamId, string? EnterpriseId, SlackAuthorization? Authorization, SlackEvent Event)
{
    /// <summary>The workspace, or the enterprise for an org-wide install (its authorization has <c>team_id: null</c>).</summary>
    public string? Tenant => SlackJson.Tenant(TeamId, Authorization?.EnterpriseId ?? EnterpriseId, Authorization?.IsEnterpriseInstall == true);

    /// <summary>The bot user the event was delivered to, when the authorization names one.</summary>
    public string? BotUserId => Authorization is { IsBot: true } authorization ? authorization.UserId : null;

    /// <summary>Only event callbacks carry events; other envelope types need nothing from us.</summary>
    public static bool IsEventCallback(JsonElement root) => root.Str("type") == "event_callback";

    public static bool TryRead(JsonElement root, [NotNullWhen(true)] out SlackEventCallback? callback, out string problem)
    {
        callback = null;
        var evt = root.Obj("event");
        problem = string.IsNullOrEmpty(evt.Str("type")) ? "event_callback needs event.type"
            : string.IsNullOrEmpty(root.Str("event_id")) ? "event_callback needs event_id"
            : "";
        if (problem.Length > 0)
        {
            return false;
        }

        var authorization = root.Array("authorizations").Select(a => new SlackAuthorization(a.Str("enterprise_id"), a.Str("team_id"),
            a.Str("user_id"), a.True("is_bot"), a.True("is_enterprise_install"))).FirstOrDefault();
        callback = new SlackEventCallback(root.Str("event_id")!, root.Str("team_id"), root.Str("enterprise_id"), authorization, SlackEvent.Read(evt));
        return true;
    }
}

/// <summary>One entry of the envelope's <c>authorizations</c>: who the event was delivered to.</summary>
public sealed record SlackAuthorization(string? EnterpriseId, string? TeamId, string? UserId, bool IsBot, bool IsEnterpriseInstall);
