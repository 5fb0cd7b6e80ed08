using RolePlay.Core.Storage;
using RolePlay.Storage.Rows;

namespace RolePlay.Storage.Repositories;

/// <summary>A tenant's waiting statements share one partition, keyed by when they happened and their id, so one range
/// read gives them oldest first and queuing one again writes the same row; parked ones have a partition of their own,
/// and the log one per UTC day. Everyone a statement names gets a mention of each place before it is written, so
/// "forget me" removes it wherever it is.</summary>
internal sealed class StatementOutboxStore(IRowStore rows) : IStatementOutbox
{
    /// <summary>Only statements not logged yet are written: mentions, then the queue, then the log last, so a crash
    /// before the log leaves the statement to be added again, and one after it is already on its way.</summary>
    public async Task AddAsync(IReadOnlyList<QueuedStatement> statements, bool send, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(statements);
        var fresh = new List<QueuedStatement>();
        foreach (var day in statements.DistinctBy(s => s.StatementId).GroupBy(Logged))
        {
            var logged = await rows.GetManyAsync(Tables.Statements, day.Key, [.. day.Select(Row)], ct).ConfigureAwait(false);
            fresh.AddRange(day.Where(s => !logged.Any(r => r.RowKey == Row(s))));
        }

        foreach (var named in fresh.SelectMany(s => s.People.Distinct().Select(p => (Person: p, Statement: s))).GroupBy(n => n.Person))
        {
            var mentions = named.SelectMany(n => Partitions(n.Statement).Select(p => new Mention(Tables.Statements, p, Row(n.Statement))));
            foreach (var batch in mentions.Chunk(RowLimits.MaxBatch))
            {
                await rows.SubmitAsync(Tables.People, RowKeys.Person(named.Key), [.. batch.Select(m => RowOp.Upsert(m.Key, StorageJson.Write(m)))], ct)
                    .ConfigureAwait(false);
            }
        }

        if (send)
        {
            foreach (var tenant in fresh.GroupBy(s => s.Tenant))
            {
                await UpsertAsync(Waiting(tenant.Key), [.. tenant], ct).ConfigureAwait(false);
            }
        }

        foreach (var day in fresh.GroupBy(Logged))
        {
            await UpsertAsync(day.Key, [.. day], ct).ConfigureAwait(false);
        }
    }

    public async IAsyncEnumerable<QueuedStatement> ListLoggedAsync(TenantScope tenant, DateOnly from, DateOnly to,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            foreach (var row in await rows.RangeAsync(Tables.Statements, Logged(tenant, day), string.Empty, null, null, ct).ConfigureAwait(false))
            {
                yield return StorageJson.Read<QueuedStatement>(row) with { Version = row.Version };
            }
        }
    }

    public async Task<IReadOnlyList<QueuedStatement>> ListWaitingAsync(TenantScope tenant, int take, CancellationToken ct)
    {
        var found = await rows.RangeAsync(Tables.Statements, Waiting(tenant), string.Empty, null, take, ct).ConfigureAwait(false);
        return [.. found.Select(r => StorageJson.Read<QueuedStatement>(r) with { Version = r.Version })];
    }

    public async Task<IReadOnlyList<QueuedStatement>> ListParkedAsync(TenantScope tenant, CancellationToken ct)
    {
        var found = await rows.RangeAsync(Tables.Statements, Parked(tenant), string.Empty, null, null, ct).ConfigureAwait(false);
        return [.. found.Select(r => StorageJson.Read<QueuedStatement>(r) with { Version = r.Version })];
    }

    public async Task RemoveAsync(IReadOnlyList<QueuedStatement> statements, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(statements);
        foreach (var tenant in statements.GroupBy(s => s.Tenant))
        {
            foreach (var batch in tenant.DistinctBy(Row).Chunk(RowLimits.MaxBatch))
            {
                try
                {
                    await rows.SubmitAsync(Tables.Statements, Waiting(tenant.Key), [.. batch.Select(s => RowOp.Delete(Row(s)))], ct).ConfigureAwait(false);
                }
                catch (ConcurrencyConflictException)
                {
                    // One was gone already (forgotten, or removed by another instance), which fails a batch: one by one.
                    foreach (var statement in batch)
                    {
                        await rows.SubmitAsync(Tables.Statements, Waiting(tenant.Key), [RowOp.Delete(Row(statement))], ct).ConfigureAwait(false);
                    }
                }
            }
        }
    }

    /// <summary>Written parked before it leaves the queue: a crash between the two sends it once more, and the LRS
    /// refuses it again.</summary>
    public async Task ParkAsync(QueuedStatement statement, string reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var row = Row(statement);
        await rows.SubmitAsync(Tables.Statements, Parked(statement.Tenant),
            [RowOp.Upsert(row, StorageJson.Write(statement with { Parked = reason, Version = null }))], ct).ConfigureAwait(false);
        await rows.SubmitAsync(Tables.Statements, Waiting(statement.Tenant), [RowOp.Delete(row)], ct).ConfigureAwait(false);
    }

    /// <summary>Queued again before it leaves the parked: a crash between the two leaves it in both, and the next
    /// call queues it once more (the same row).</summary>
    public async Task<int> UnparkAsync(TenantScope tenant, CancellationToken ct)
    {
        var parked = await ListParkedAsync(tenant, ct).ConfigureAwait(false);
        await UpsertAsync(Waiting(tenant), parked, ct).ConfigureAwait(false);
        foreach (var batch in parked.Chunk(RowLimits.MaxBatch))
        {
            await rows.SubmitAsync(Tables.Statements, Parked(tenant), [.. batch.Select(s => RowOp.Delete(Row(s)))], ct).ConfigureAwait(false);
        }

        return parked.Count;
    }

    /// <summary>Read from the person's mentions: no table is scanned.</summary>
    public async Task<IReadOnlyList<QueuedStatement>> ListSentAboutAsync(PersonKey person, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(person);
        var prefix = $"{Mention.Prefix}{Tables.Statements}|";
        var mentions = (await rows.RangeAsync(Tables.People, RowKeys.Person(person), prefix, RowKeys.PrefixEnd(prefix), null, ct).ConfigureAwait(false))
            .Select(StorageJson.Read<Mention>).ToList();
        var logged = new List<StoredRow>();
        var logs = RowKeys.Join(RowKeys.Tenant(person.Tenant), "log") + RowKeys.Separator;
        foreach (var inLog in mentions.Where(m => m.PartitionKey.StartsWith(logs, StringComparison.Ordinal)).GroupBy(m => m.PartitionKey))
        {
            logged.AddRange(await rows.GetManyAsync(Tables.Statements, inLog.Key, [.. inLog.Select(m => m.RowKey)], ct).ConfigureAwait(false));
        }

        // The same row key in the queue or among the parked: not sent (yet).
        var keys = logged.Select(r => r.RowKey).ToList();
        var unsent = (await rows.GetManyAsync(Tables.Statements, Waiting(person.Tenant), keys, ct).ConfigureAwait(false))
            .Concat(await rows.GetManyAsync(Tables.Statements, Parked(person.Tenant), keys, ct).ConfigureAwait(false))
            .Select(r => r.RowKey).ToHashSet(StringComparer.Ordinal);
        return [.. logged.Where(r => !unsent.Contains(r.RowKey)).Select(StorageJson.Read<QueuedStatement>).OrderBy(s => s.AtUtc).ThenBy(s => s.Sequence)];
    }

    private async Task UpsertAsync(string partition, IReadOnlyList<QueuedStatement> statements, CancellationToken ct)
    {
        foreach (var batch in statements.Chunk(RowLimits.MaxBatch))
        {
            await rows.SubmitAsync(Tables.Statements, partition,
                [.. batch.Select(s => RowOp.Upsert(Row(s), StorageJson.Write(s with { Parked = null, Version = null })))], ct).ConfigureAwait(false);
        }
    }

    private static IEnumerable<string> Partitions(QueuedStatement statement) =>
        [Logged(statement), Waiting(statement.Tenant), Parked(statement.Tenant)];

    private static string Logged(QueuedStatement statement) => Logged(statement.Tenant, DateOnly.FromDateTime(statement.AtUtc.UtcDateTime));

    private static string Logged(TenantScope tenant, DateOnly day) => RowKeys.Join(RowKeys.Tenant(tenant), "log", RowKeys.Day(day));

    private static string Waiting(TenantScope tenant) => RowKeys.Join(RowKeys.Tenant(tenant), "waiting");

    private static string Parked(TenantScope tenant) => RowKeys.Join(RowKeys.Tenant(tenant), "parked");

    private static string Row(QueuedStatement statement) =>
        $"{statement.AtUtc.UtcTicks:D19}|{statement.Sequence:D3}|{RowKeys.Part(statement.StatementId)}";
}
