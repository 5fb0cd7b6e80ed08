using RolePlay.Core;
using RolePlay.Core.Storage;
using RolePlay.Storage.Rows;

namespace RolePlay.Storage.Repositories;

/// <summary>Entries live in 16 partitions per platform, picked by the first hex digit of the (hashed) event id: a
/// resuming instance reads a platform's inbox in 16 range queries, and no single partition takes all the writes (an
/// Azure partition serves about 2,000 operations a second). The row key is the tenant and the event id, so adding an
/// entry is one conditional insert that also de-duplicates the platform's retries while the entry is pending.</summary>
internal sealed class InboxStore(IRowStore rows) : IInbox
{
    private const string Shards = "0123456789ABCDEF";

    public async Task<InboxEntry?> TryAddAsync(InboxEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            var versions = await rows.SubmitAsync(Tables.Inbox, Partition(entry.Key), [RowOp.Insert(Row(entry.Key), Body(entry))], ct).ConfigureAwait(false);
            return entry with { Version = versions[0] };
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }
    }

    public async Task<InboxEntry?> TryUpdateAsync(InboxEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var version = entry.Version ?? throw new ArgumentException("Update an entry read from the inbox (it carries a Version).", nameof(entry));
        try
        {
            var versions = await rows.SubmitAsync(Tables.Inbox, Partition(entry.Key), [RowOp.Replace(Row(entry.Key), Body(entry), version)], ct)
                .ConfigureAwait(false);
            return entry with { Version = versions[0] };
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }
    }

    public async Task CompleteAsync(InboundEventKey key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        await rows.SubmitAsync(Tables.Inbox, Partition(key), [RowOp.Delete(Row(key))], ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<InboxEntry>> ListAsync(Platform platform, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var entries = new List<InboxEntry>();
        foreach (var shard in Shards)
        {
            var found = await rows.RangeAsync(Tables.Inbox, Partition(platform, shard), string.Empty, null, null, ct).ConfigureAwait(false);
            entries.AddRange(found.Select(r => StorageJson.Read<InboxEntry>(r) with { Version = r.Version }));
        }

        return entries.OrderBy(e => e.AcceptedUtc).ToArray();
    }

    /// <summary>Event ids are stored hashed (hex), see <see cref="InboundEventKey.For"/>; any other id falls in shard 0.</summary>
    private static string Partition(InboundEventKey key) =>
        Partition(key.Tenant.Platform, Shards.Contains(char.ToUpperInvariant(key.EventId[0]), StringComparison.Ordinal) ? char.ToUpperInvariant(key.EventId[0]) : '0');

    private static string Partition(Platform platform, char shard) => RowKeys.Join(RowKeys.Part(platform.Id), shard.ToString());

    private static string Row(InboundEventKey key) => RowKeys.Join(RowKeys.Part(key.Tenant.TenantId), RowKeys.Part(key.EventId));

    private static string Body(InboxEntry entry) => StorageJson.Write(entry with { Version = null });
}
