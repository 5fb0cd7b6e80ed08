using RolePlay.Core.Storage;
using RolePlay.Storage.Rows;

namespace RolePlay.Storage.Repositories;

/// <summary>One row per (tenant, event id); a claim is a conditional insert, so the common case is one round trip.</summary>
internal sealed class InboundDedupe(IRowStore rows) : IInboundDedupe
{
    private sealed record Claim(DateTimeOffset ExpiresUtc);

    public async Task<bool> TryClaimAsync(InboundEventKey key, DateTimeOffset nowUtc, TimeSpan keepFor, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(keepFor, TimeSpan.Zero);
        var pk = RowKeys.Tenant(key.Tenant);
        var row = RowKeys.Part(key.EventId);
        var body = StorageJson.Write(new Claim(nowUtc + keepFor));
        try
        {
            await rows.SubmitAsync(Tables.Dedupe, pk, [RowOp.Insert(row, body)], ct).ConfigureAwait(false);
            return true;
        }
        catch (ConcurrencyConflictException)
        {
            var existing = await rows.GetAsync(Tables.Dedupe, pk, row, ct).ConfigureAwait(false);
            if (existing is null || StorageJson.Read<Claim>(existing).ExpiresUtc > nowUtc)
            {
                return false;
            }

            // Expired: take it over, but only if nobody else just did.
            try
            {
                await rows.SubmitAsync(Tables.Dedupe, pk, [RowOp.Replace(row, body, existing.Version)], ct).ConfigureAwait(false);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        }
    }

    public async Task ReleaseAsync(InboundEventKey key, CancellationToken ct)
    {
        try
        {
            await rows.SubmitAsync(Tables.Dedupe, RowKeys.Tenant(key.Tenant), [RowOp.Delete(RowKeys.Part(key.EventId))], ct).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            // Already gone: nothing to release.
        }
    }

    public Task<int> PurgeExpiredAsync(TenantScope tenant, DateTimeOffset nowUtc, CancellationToken ct) =>
        ExpiredRows.PurgeAsync(rows, Tables.Dedupe, RowKeys.Tenant(tenant), r => StorageJson.Read<Claim>(r).ExpiresUtc <= nowUtc, ct);
}
