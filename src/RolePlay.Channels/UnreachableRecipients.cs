using System.Collections.Concurrent;
using RolePlay.Core;

namespace RolePlay.Channels;

/// <summary>A person a platform says can no longer be messaged: a Teams 1:1 chat refused with 403
/// MessageWritesBlocked, a Slack user who is <c>account_inactive</c> or <c>user_not_found</c>.</summary>
public sealed record UnreachableRecipient(Platform Platform, string TenantId, string UserId, string Reason);

/// <summary>Told by the channel clients when a person is gone, so the host stops scheduling them. Only people are
/// reported: a refusal that names a channel says nothing about who is gone.</summary>
public interface IUnreachableRecipients
{
    ValueTask MarkAsync(UnreachableRecipient recipient, CancellationToken cancellationToken);
}

/// <summary>The default when no host store is registered: remembers them in memory.</summary>
public sealed class InMemoryUnreachableRecipients : IUnreachableRecipients
{
    private readonly ConcurrentDictionary<(Platform Platform, string Tenant, string User), UnreachableRecipient> _people = new();

    public IReadOnlyCollection<UnreachableRecipient> All => _people.Values.ToArray();

    public ValueTask MarkAsync(UnreachableRecipient recipient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        _people.TryAdd((recipient.Platform, recipient.TenantId, recipient.UserId), recipient);
        return ValueTask.CompletedTask;
    }
}
