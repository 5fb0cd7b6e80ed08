using System.Text.Json.Serialization;

namespace RolePlay.Core.Storage;

/// <summary>
/// A tenant (Teams tenant or Slack workspace) on one platform. Every stored key starts with one,
/// so no read can reach another tenant's rows.
/// </summary>
public sealed record TenantScope
{
    public TenantScope(Platform platform, string tenantId)
    {
        Platform = platform ?? throw new ArgumentNullException(nameof(platform));
        TenantId = KeyText.Require(tenantId, nameof(tenantId));
    }

    public Platform Platform { get; }

    public string TenantId { get; }

    public override string ToString() => $"{Platform}/{TenantId}";
}

/// <summary>Channel identity of one person: (platform, tenant/workspace, user).</summary>
public sealed record PersonKey
{
    public PersonKey(Platform platform, string tenantId, string userId)
        : this(new TenantScope(platform, tenantId), userId)
    {
    }

    [JsonConstructor]
    public PersonKey(TenantScope tenant, string userId)
    {
        Tenant = tenant ?? throw new ArgumentNullException(nameof(tenant));
        UserId = KeyText.Require(userId, nameof(userId));
    }

    public TenantScope Tenant { get; }

    public string UserId { get; }

    public override string ToString() => $"{Tenant}/{UserId}";
}

/// <summary>An inbound event (Slack <c>event_id</c>, Teams activity id) within its tenant.</summary>
public sealed record InboundEventKey
{
    [JsonConstructor]
    public InboundEventKey(TenantScope tenant, string eventId)
    {
        Tenant = tenant ?? throw new ArgumentNullException(nameof(tenant));
        EventId = KeyText.Require(eventId, nameof(eventId));
    }

    public TenantScope Tenant { get; }

    public string EventId { get; }

    /// <summary>The key for a channel's event id. Ids come from request bodies, so they are hashed: any text (long,
    /// control characters, a conversation id with ';' and '@') becomes a short, safe key part.</summary>
    public static InboundEventKey For(TenantScope tenant, string channelEventId) =>
        new(tenant, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(channelEventId)))[..32]);
}

internal static class KeyText
{
    /// <summary>Key parts are ids, not prose: reject blanks and control characters early with the part's name.</summary>
    public static string Require(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"The key part '{name}' must not be empty.", name);
        }

        if (value.Length > 256)
        {
            throw new ArgumentException($"The key part '{name}' is longer than 256 characters.", name);
        }

        if (value.Any(char.IsControl))
        {
            throw new ArgumentException($"The key part '{name}' contains a control character.", name);
        }

        return value;
    }
}
