using System.Diagnostics.CodeAnalysis;

namespace RolePlay.Slack.Inbound.Payloads;

/// <summary>A slash command's form fields (<c>command</c>, <c>text</c>, <c>user_id</c>, <c>channel_id</c>, ...).</summary>
public sealed record SlackSlashCommand(
    string Command, string Text, string UserId, string? UserName, string ChannelId, string? TeamId, string? EnterpriseId,
    bool IsEnterpriseInstall, string? TriggerId)
{
    /// <summary>The workspace, or the enterprise for an org-wide install.</summary>
    public string? Tenant => SlackJson.Tenant(TeamId, EnterpriseId, IsEnterpriseInstall);

    public static bool TryRead(IReadOnlyDictionary<string, string> fields, [NotNullWhen(true)] out SlackSlashCommand? command, out string problem)
    {
        command = null;
        var missing = new[] { "command", "user_id", "channel_id" }.Where(f => string.IsNullOrEmpty(fields.GetValueOrDefault(f))).ToList();
        problem = missing.Count > 0 ? $"slash command needs {string.Join(", ", missing)}" : "";
        if (missing.Count > 0)
        {
            return false;
        }

        command = new SlackSlashCommand(fields["command"], fields.GetValueOrDefault("text") ?? "", fields["user_id"], fields.GetValueOrDefault("user_name"),
            fields["channel_id"], fields.GetValueOrDefault("team_id"), fields.GetValueOrDefault("enterprise_id"),
            fields.GetValueOrDefault("is_enterprise_install") == "true", fields.GetValueOrDefault("trigger_id"));
        return true;
    }
}
