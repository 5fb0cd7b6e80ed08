namespace RolePlay.Core.Storage;

/// <summary>
/// Where to send proactive messages to one person or channel: Teams needs the serviceUrl and conversation id,
/// Slack the DM channel id (in <see cref="ConversationId"/>, with no service URL).
/// </summary>
public sealed record ConversationReference(
    TenantScope Tenant,
    string OwnerId,
    string ConversationId,
    string? ServiceUrl,
    string? BotId,
    DateTimeOffset UpdatedUtc);

public interface IConversationReferenceStore
{
    Task SaveAsync(ConversationReference reference, CancellationToken ct);

    Task<ConversationReference?> GetAsync(TenantScope tenant, string ownerId, CancellationToken ct);
}

/// <summary>Another id a person is known by within their tenant: a Teams person's Entra object id (<c>aadObjectId</c>),
/// which a web sign-in names, beside the Bot Framework id (<c>29:…</c>) their chat events carry.</summary>
public interface IPersonAliasStore
{
    /// <summary>Points <paramref name="alias"/> at the person (the newest wins); forgetting the person removes it.</summary>
    Task SaveAsync(PersonKey person, string alias, CancellationToken ct);

    Task<PersonKey?> FindAsync(TenantScope tenant, string alias, CancellationToken ct);
}

/// <summary>
/// A Slack workspace install (the workspace is the tenant; for an org-wide install, <see cref="TeamId"/> holds the
/// enterprise id and <see cref="IsEnterpriseInstall"/> is set). The bot token arrives already encrypted: encryption is
/// the host's job. It names no person, so forgetting the installer never removes the workspace's install.
/// </summary>
public sealed record SlackInstall(
    string TeamId,
    string? EnterpriseId,
    string BotUserId,
    string EncryptedBotToken,
    string Scopes,
    DateTimeOffset InstalledUtc,
    bool IsEnterpriseInstall = false);

public interface ISlackInstallStore
{
    Task SaveAsync(SlackInstall install, CancellationToken ct);

    Task<SlackInstall?> GetAsync(string teamId, CancellationToken ct);

    Task DeleteAsync(string teamId, CancellationToken ct);
}
