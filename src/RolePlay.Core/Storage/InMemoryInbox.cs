using System.Collections.Concurrent;
using System.Globalization;

namespace RolePlay.Core.Storage;

/// <summary>An inbox in process memory, for channel tests and a host without a store: it de-duplicates and orders like
/// the store's, but a crash loses it, so a deployment uses the store's implementation.</summary>
public sealed class InMemoryInbox : IInbox
{
    private readonly ConcurrentDictionary<InboundEventKey, InboxEntry> _entries = new();
    private long _versions;

    public Task<InboxEntry?> TryAddAsync(InboxEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var stored = entry with { Version = NextVersion() };
        return Task.FromResult(_entries.TryAdd(entry.Key, stored) ? stored : null);
    }

    public Task<InboxEntry?> TryUpdateAsync(InboxEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!_entries.TryGetValue(entry.Key, out var stored) || stored.Version != entry.Version)
        {
            return Task.FromResult<InboxEntry?>(null);
        }

        var updated = entry with { Version = NextVersion() };
        return Task.FromResult(_entries.TryUpdate(entry.Key, updated, stored) ? updated : null);
    }

    public Task CompleteAsync(InboundEventKey key, CancellationToken ct)
    {
        _entries.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<InboxEntry>> ListAsync(Platform platform, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<InboxEntry>>(_entries.Values.Where(e => e.Key.Tenant.Platform == platform).OrderBy(e => e.AcceptedUtc).ToArray());

    private string NextVersion() => Interlocked.Increment(ref _versions).ToString(CultureInfo.InvariantCulture);
}
