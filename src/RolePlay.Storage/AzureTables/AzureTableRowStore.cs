using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using RolePlay.Core.Storage;
using RolePlay.Storage.Rows;

namespace RolePlay.Storage.AzureTables;

/// <summary>
/// Azure Table Storage through Azure.Data.Tables. Transient faults are retried by the SDK's own retry options
/// (set by the caller of the constructor); what still fails becomes <see cref="StorageUnavailableException"/>,
/// and 409/412/404 on a conditional write become <see cref="ConcurrencyConflictException"/>.
/// Bodies are split over properties Body, Body1, ... so each stays under the 64 KiB property limit.
/// </summary>
internal sealed class AzureTableRowStore : IRowStore
{
    private const string BodyProperty = "Body";

    private readonly TableServiceClient _service;
    private readonly string _prefix;
    private readonly ConcurrentDictionary<string, TableClient> _tables = new();

    public AzureTableRowStore(TableServiceClient service, string tablePrefix)
    {
        _service = service;
        _prefix = tablePrefix;
        Name = $"Azure Tables ({service.AccountName})";
    }

    public string Name { get; }

    public Task InitializeAsync(IReadOnlyCollection<string> tables, CancellationToken ct) => GuardAsync(async () =>
    {
        foreach (var table in tables)
        {
            await Table(table).CreateIfNotExistsAsync(ct).ConfigureAwait(false);
        }

        return true;
    });

    public Task<StoredRow?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken ct) => GuardAsync(async () =>
    {
        var response = await Table(table).GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: ct).ConfigureAwait(false);
        return response.HasValue ? ToRow(response.Value!) : null;
    });

    /// <summary>Azure allows at most 15 comparisons in one filter: the partition's and 14 row keys per query.</summary>
    private const int KeysPerQuery = 14;

    public async Task<IReadOnlyList<StoredRow>> GetManyAsync(string table, string partitionKey, IReadOnlyList<string> rowKeys, CancellationToken ct)
    {
        var found = new List<StoredRow>();
        foreach (var keys in rowKeys.Distinct(StringComparer.Ordinal).Chunk(KeysPerQuery))
        {
            var rows = string.Join(" or ", keys.Select(rk => TableClient.CreateQueryFilter($"RowKey eq {rk}")));
            found.AddRange(await QueryAsync(table, $"{TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}")} and ({rows})", null, ct)
                .ConfigureAwait(false));
        }

        return [.. found.OrderBy(r => r.RowKey, StringComparer.Ordinal)];
    }

    public Task<IReadOnlyList<StoredRow>> RangeAsync(string table, string partitionKey, string fromRowKey, string? toRowKey, int? take, CancellationToken ct) =>
        QueryAsync(
            table,
            toRowKey is null
                ? TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {fromRowKey}")
                : TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {fromRowKey} and RowKey lt {toRowKey}"),
            take,
            ct);

    public Task<IReadOnlyList<string?>> SubmitAsync(string table, string partitionKey, IReadOnlyList<RowOp> ops, CancellationToken ct)
    {
        if (ops.Count is 0 or > RowLimits.MaxBatch)
        {
            throw new ArgumentException($"A batch holds 1 to {RowLimits.MaxBatch} operations, not {ops.Count}.", nameof(ops));
        }

        foreach (var op in ops)
        {
            RowLimits.EnsureFits(op);
        }

        return GuardAsync(() => ops.Count == 1
            ? SubmitOneAsync(Table(table), partitionKey, ops[0], ct)
            : SubmitBatchAsync(Table(table), partitionKey, ops, ct));
    }

    private static async Task<IReadOnlyList<string?>> SubmitOneAsync(TableClient client, string pk, RowOp op, CancellationToken ct)
    {
        try
        {
            Response response = op.Kind switch
            {
                RowOpKind.Insert => await client.AddEntityAsync(ToEntity(pk, op), ct).ConfigureAwait(false),
                RowOpKind.Replace => await client.UpdateEntityAsync(ToEntity(pk, op), new ETag(op.IfMatch!), TableUpdateMode.Replace, ct).ConfigureAwait(false),
                RowOpKind.Upsert => await client.UpsertEntityAsync(ToEntity(pk, op), TableUpdateMode.Replace, ct).ConfigureAwait(false),
                RowOpKind.Delete => await client.DeleteEntityAsync(pk, op.RowKey, op.IfMatch is null ? ETag.All : new ETag(op.IfMatch), ct).ConfigureAwait(false),
                _ => throw new ArgumentOutOfRangeException(nameof(op)),
            };
            return [op.Kind == RowOpKind.Delete ? null : response.Headers.ETag?.ToString()];
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
        {
            throw Conflict(client.Name, op, e);
        }
    }

    private static async Task<IReadOnlyList<string?>> SubmitBatchAsync(TableClient client, string pk, IReadOnlyList<RowOp> ops, CancellationToken ct)
    {
        var actions = ops.Select(op => op.Kind switch
        {
            RowOpKind.Insert => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(pk, op)),
            RowOpKind.Replace => new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(pk, op), new ETag(op.IfMatch!)),
            RowOpKind.Upsert => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(pk, op)),
            RowOpKind.Delete => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(pk, op.RowKey), op.IfMatch is null ? ETag.All : new ETag(op.IfMatch)),
            _ => throw new ArgumentOutOfRangeException(nameof(ops)),
        }).ToList();
        try
        {
            var response = await client.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);
            return ops.Select((op, i) => op.Kind == RowOpKind.Delete ? null : response.Value[i].Headers.ETag?.ToString()).ToArray();
        }
        catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412)
        {
            var failed = e.FailedTransactionActionIndex is int i && i < ops.Count ? ops[i] : ops[0];
            throw Conflict(client.Name, failed, e);
        }
        catch (TableTransactionFailedException e) when (e.Status == 400 && e.FailedTransactionActionIndex is int i && i < ops.Count)
        {
            // Azurite reports a failed condition after the first operation as 400 InvalidInput; a probe tells a
            // real conflict from bad input (the real service answers 409/412 and never gets here for conflicts).
            if (await ConditionFailedAsync(client, pk, ops[i], ct).ConfigureAwait(false))
            {
                throw Conflict(client.Name, ops[i], e);
            }

            throw;
        }
    }

    private static async Task<bool> ConditionFailedAsync(TableClient client, string pk, RowOp op, CancellationToken ct)
    {
        var current = await client.GetEntityIfExistsAsync<TableEntity>(pk, op.RowKey, cancellationToken: ct).ConfigureAwait(false);
        return op switch
        {
            { Kind: RowOpKind.Insert } => current.HasValue,
            { Kind: RowOpKind.Replace } or { Kind: RowOpKind.Delete, IfMatch: not null } => !current.HasValue || current.Value!.ETag.ToString() != op.IfMatch,
            { Kind: RowOpKind.Delete } => !current.HasValue,
            _ => false,
        };
    }

    private async Task<IReadOnlyList<StoredRow>> QueryAsync(string table, string filter, int? take, CancellationToken ct) => await GuardAsync(async () =>
    {
        var rows = new List<StoredRow>();

        // AsPages follows continuation tokens; a 'take' stops early instead of reading the whole range.
        var pages = Table(table).QueryAsync<TableEntity>(filter, maxPerPage: take is > 0 and < 1000 ? take : null, cancellationToken: ct).AsPages();
        await foreach (var page in pages.ConfigureAwait(false))
        {
            foreach (var entity in page.Values)
            {
                rows.Add(ToRow(entity));
                if (rows.Count == take)
                {
                    return (IReadOnlyList<StoredRow>)rows;
                }
            }
        }

        return rows;
    }).ConfigureAwait(false);

    private TableClient Table(string name) => _tables.GetOrAdd(name, n => _service.GetTableClient(_prefix + n));

    private async Task<T> GuardAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 0 or 408 or >= 500 || e.InnerException is HttpRequestException)
        {
            // Only the status and the account name: the SDK's message may quote request details.
            throw new StorageUnavailableException(Name, $"the service did not answer successfully after retries (status {e.Status}); nothing was written.", e);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is RequestFailedException or HttpRequestException))
        {
            throw new StorageUnavailableException(Name, "the service could not be reached after retries; nothing was written.", e);
        }
        catch (HttpRequestException e)
        {
            throw new StorageUnavailableException(Name, "the service could not be reached after retries; nothing was written.", e);
        }
    }

    private static ConcurrencyConflictException Conflict(string table, RowOp op, Exception e) =>
        new($"{op.Kind} of row '{op.RowKey}' in '{table}' did not apply: the row exists, is missing or has changed.", e);

    private static TableEntity ToEntity(string pk, RowOp op)
    {
        var entity = new TableEntity(pk, op.RowKey);
        var body = op.Body ?? string.Empty;
        for (var chunk = 0; chunk * RowLimits.ChunkChars < body.Length || chunk == 0; chunk++)
        {
            var start = chunk * RowLimits.ChunkChars;
            entity[chunk == 0 ? BodyProperty : BodyProperty + chunk] = body.Substring(start, Math.Min(RowLimits.ChunkChars, body.Length - start));
        }

        return entity;
    }

    private static StoredRow ToRow(TableEntity entity)
    {
        var body = entity.GetString(BodyProperty) ?? string.Empty;
        for (var chunk = 1; entity.GetString(BodyProperty + chunk) is { } more; chunk++)
        {
            body += more;
        }

        return new StoredRow(entity.PartitionKey, entity.RowKey, body, entity.ETag.ToString());
    }
}
