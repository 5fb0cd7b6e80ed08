using System.Text.Json.Serialization;

namespace RolePlay.Core.Storage;

/// <summary>Where proactive messages to one owner (a person or a channel) go: the conversation, and on a platform
/// that routes through its own service endpoint (Teams' service URL) that endpoint, with the bot's own id there. Slack
/// needs only the conversation (a DM channel id).</summary>
/// <param name="Endpoint">Stored as <c>serviceUrl</c>, its name when only Teams had an endpoint, so earlier rows load.</param>
public sealed record DeliveryAddress(
    TenantScope Tenant,
    string OwnerId,
    string ConversationId,
    [property: JsonPropertyName("serviceUrl")] string? Endpoint,
    string? BotId,
    DateTimeOffset UpdatedUtc);

public interface IDeliveryAddressStore
{
    Task SaveAsync(DeliveryAddress address, CancellationToken ct);

    Task<DeliveryAddress?> GetAsync(TenantScope tenant, string ownerId, CancellationToken ct);
}

/// <summary>Another id a person is known by within their tenant: a Teams person's Entra object id (<c>aadObjectId</c>),
/// which a web sign-in names, beside the Bot Framework id (<c>29:…</c>) their chat events carry.</summary>
public interface IPersonAliasStore
{
    /// <summary>Points <paramref name="alias"/> at the person (the newest wins); forgetting the person removes it.</summary>
    Task SaveAsync(PersonKey person, string alias, CancellationToken ct);

    Task<PersonKey?> FindAsync(TenantScope tenant, string alias, CancellationToken ct);
}

/// <summary>A channel's install in one tenant (for Slack: the workspace's bot user and encrypted bot token), as its
/// adapter wrote it. Core and storage keep <see cref="Payload"/> without reading it; secrets in it arrive encrypted,
/// which is the adapter's and host's job. An install names no person, so forgetting the installer never removes it.
/// </summary>
public sealed record ChannelInstall(TenantScope Tenant, string Payload);

/// <summary>One install per tenant, whichever the platform.</summary>
public interface IChannelInstallStore
{
    Task SaveAsync(ChannelInstall install, CancellationToken ct);

    Task<ChannelInstall?> GetAsync(TenantScope tenant, CancellationToken ct);

    Task DeleteAsync(TenantScope tenant, CancellationToken ct);
}
