using RolePlay.Core.Storage;
using RolePlay.Storage.Rows;

namespace RolePlay.Storage.Repositories;

/// <summary>Housekeeping's one way to forget what has expired in a partition: read it, delete the expired rows in
/// batches, each only at the version read, so a row renewed meanwhile stays; a batch that meets a renewal is left for
/// the next run.</summary>
internal static class ExpiredRows
{
    /// <returns>How many rows were deleted.</returns>
    public static async Task<int> PurgeAsync(IRowStore rows, string table, string partitionKey, Func<StoredRow, bool> isExpired, CancellationToken ct)
    {
        var found = await rows.RangeAsync(table, partitionKey, string.Empty, null, null, ct).ConfigureAwait(false);
        var purged = 0;
        foreach (var chunk in found.Where(isExpired).Chunk(RowLimits.MaxBatch))
        {
            try
            {
                await rows.SubmitAsync(table, partitionKey, chunk.Select(r => RowOp.Delete(r.RowKey, r.Version)).ToArray(), ct).ConfigureAwait(false);
                purged += chunk.Length;
            }
            catch (ConcurrencyConflictException)
            {
                // Left for the next run.
            }
        }

        return purged;
    }
}
