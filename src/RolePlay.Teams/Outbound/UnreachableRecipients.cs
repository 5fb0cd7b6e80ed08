using System.Collections.Concurrent;

namespace RolePlay.Teams.Outbound;

/// <summary>A person whose 1:1 chat the connector refused with 403 MessageWritesBlocked.</summary>
public sealed record UnreachableRecipient(string TenantId, string UserId, string Reason);

/// <summary>Told by <see cref="ConnectorClient"/> when a person blocked or uninstalled the bot, so the host can stop
/// messaging them. Only 1:1 chats report: a refusal in a channel says the team removed the bot, not who.</summary>
public interface IUnreachableRecipients
{
    ValueTask MarkAsync(UnreachableRecipient recipient, CancellationToken cancellationToken);
}

/// <summary>The default when no host store is registered: remembers them in memory.</summary>
public sealed class InMemoryUnreachableRecipients : IUnreachableRecipients
{
    private readonly ConcurrentDictionary<(string Tenant, string User), UnreachableRecipient> _people = new();

    public IReadOnlyCollection<UnreachableRecipient> All => _people.Values.ToArray();

    public ValueTask MarkAsync(UnreachableRecipient recipient, CancellationToken cancellationToken)
    {
        _people.TryAdd((recipient.TenantId, recipient.UserId), recipient);
        return ValueTask.CompletedTask;
    }
}
