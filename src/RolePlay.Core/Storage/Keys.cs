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

/// <summary>What every stored key takes as an id: present, at most <see cref="MaxLength"/> characters, no control
/// characters and well-formed text (a lone surrogate cannot be escaped into a key). Channels check ids from requests
/// against it at their boundary, so a bad one is a 400 there rather than an exception deep in storage.</summary>
public static class KeyText
{
    public const int MaxLength = 256;

    public static bool IsUsable(string? value) => Problem(value) is null;

    /// <summary>Key parts are ids, not prose: rejects a bad one early, with the part's name.</summary>
    internal static string Require(string? value, string name) =>
        Problem(value) is { } problem ? throw new ArgumentException($"The key part '{name}' {problem}.", name) : value!;

    private static string? Problem(string? value) =>
        string.IsNullOrWhiteSpace(value) ? "must not be empty"
        : value.Length > MaxLength ? $"is longer than {MaxLength} characters"
        : value.Any(char.IsControl) ? "contains a control character"
        : !IsWellFormed(value) ? "is not well-formed text (a lone surrogate)"
        : null;

    private static bool IsWellFormed(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            if (System.Text.Rune.DecodeFromUtf16(text, out _, out var used) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            text = text[used..];
        }

        return true;
    }
}
