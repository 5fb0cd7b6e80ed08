using RolePlay.Core.Storage;
using RolePlay.Storage.Rows;

namespace RolePlay.Storage.Repositories;

/// <summary>
/// The ledger row is keyed by (tenant, recipient) / (routine, occasion), so "once per occasion" holds whatever the
/// due time. A mirror partitioned by (tenant, due minute) lets a sender resume a bucket after a crash; it follows
/// the ledger row (written after it) and is refreshed on every outcome.
/// </summary>
internal sealed class DeliveryLedger(IRowStore rows) : IDeliveryLedger
{
    public async Task<bool> TryClaimAsync(LedgerEntry entry, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Recipient);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Routine);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.OccasionKey);
        var claimed = entry with { State = DeliveryState.Claimed, Version = null };
        var body = StorageJson.Write(claimed);
        try
        {
            await rows.SubmitAsync(Tables.Ledger, Partition(entry.Tenant, entry.Recipient), [RowOp.Insert(Row(entry.Routine, entry.OccasionKey), body)], ct).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            return false;
        }

        await MirrorAsync(claimed, body, ct).ConfigureAwait(false);
        return true;
    }

    public async Task<LedgerEntry?> GetAsync(TenantScope tenant, string recipient, string routine, string occasionKey, CancellationToken ct)
    {
        var row = await rows.GetAsync(Tables.Ledger, Partition(tenant, recipient), Row(routine, occasionKey), ct).ConfigureAwait(false);
        return row is null ? null : StorageJson.Read<LedgerEntry>(row) with { Version = row.Version };
    }

    public async Task<LedgerEntry> MarkAsync(LedgerEntry entry, DeliveryState state, string? lastError, DateTimeOffset nowUtc, CancellationToken ct)
    {
        var version = entry.Version ?? throw new ArgumentException("Mark an entry read from the ledger (it carries a Version).", nameof(entry));
        var marked = entry with { State = state, Attempts = entry.Attempts + 1, LastError = lastError, UpdatedUtc = nowUtc, Version = null };
        var body = StorageJson.Write(marked);
        var versions = await rows.SubmitAsync(Tables.Ledger, Partition(entry.Tenant, entry.Recipient), [RowOp.Replace(Row(entry.Routine, entry.OccasionKey), body, version)], ct).ConfigureAwait(false);
        await MirrorAsync(marked, body, ct).ConfigureAwait(false);
        return marked with { Version = versions[0] };
    }

    public async Task<IReadOnlyList<LedgerEntry>> ListByDueBucketAsync(TenantScope tenant, DateTimeOffset minuteUtc, CancellationToken ct)
    {
        var found = await rows.RangeAsync(Tables.LedgerDue, DuePartition(tenant, minuteUtc), string.Empty, null, null, ct).ConfigureAwait(false);
        return found.Select(StorageJson.Read<LedgerEntry>).ToArray();
    }

    internal static string Partition(TenantScope tenant, string recipient) => RowKeys.Join(RowKeys.Tenant(tenant), RowKeys.Part(recipient));

    internal static string DuePartition(TenantScope tenant, DateTimeOffset dueUtc) => RowKeys.Join(RowKeys.Tenant(tenant), RowKeys.Minute(dueUtc));

    internal static string DueRow(LedgerEntry e) => RowKeys.Join(RowKeys.Part(e.Recipient), Row(e.Routine, e.OccasionKey));

    private static string Row(string routine, string occasionKey) => RowKeys.Join(RowKeys.Part(routine), RowKeys.Part(occasionKey));

    private Task MirrorAsync(LedgerEntry entry, string body, CancellationToken ct) =>
        rows.SubmitAsync(Tables.LedgerDue, DuePartition(entry.Tenant, entry.DueUtc), [RowOp.Upsert(DueRow(entry), body)], ct);
}
