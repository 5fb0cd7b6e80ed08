namespace RolePlay.Storage.Rows;

/// <summary>A stored row: a JSON body under (partition, row) keys with the store's concurrency token.</summary>
internal sealed record StoredRow(string PartitionKey, string RowKey, string Body, string Version);

internal enum RowOpKind
{
    /// <summary>Create; fails with a conflict if the row exists.</summary>
    Insert,

    /// <summary>Overwrite an existing row whose version is <see cref="RowOp.IfMatch"/>.</summary>
    Replace,

    /// <summary>Create or overwrite, unconditionally.</summary>
    Upsert,

    /// <summary>Remove; with <see cref="RowOp.IfMatch"/> only that version, without it whatever is there (missing is fine alone, not in a batch).</summary>
    Delete,
}

internal sealed record RowOp(RowOpKind Kind, string RowKey, string? Body = null, string? IfMatch = null)
{
    public static RowOp Insert(string rowKey, string body) => new(RowOpKind.Insert, rowKey, body);

    public static RowOp Replace(string rowKey, string body, string version) => new(RowOpKind.Replace, rowKey, body, version);

    public static RowOp Upsert(string rowKey, string body) => new(RowOpKind.Upsert, rowKey, body);

    public static RowOp Delete(string rowKey, string? version = null) => new(RowOpKind.Delete, rowKey, IfMatch: version);
}

/// <summary>
/// The one storage engine contract both stores implement. It is shaped after Azure Table Storage (partition +
/// row keys, single-partition atomic batches of at most 100 operations, ETag-style versions) so one set of
/// repositories, with one key layout, runs on SQLite and on Azure Tables alike.
/// Every method is one round trip to the store (a range read: one per page of up to 1,000 rows).
/// </summary>
internal interface IRowStore
{
    /// <summary>Names the store in errors (never a secret).</summary>
    string Name { get; }

    Task InitializeAsync(IReadOnlyCollection<string> tables, CancellationToken ct);

    Task<StoredRow?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken ct);

    /// <summary>Several rows of one partition, in key order: one query (on Azure one per 14 keys, its filter's limit;
    /// none for no keys).</summary>
    Task<IReadOnlyList<StoredRow>> GetManyAsync(string table, string partitionKey, IReadOnlyList<string> rowKeys, CancellationToken ct);

    /// <summary>Rows of one partition with <paramref name="fromRowKey"/> &lt;= row key &lt; <paramref name="toRowKey"/> (no upper bound when null), in key order, at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<StoredRow>> RangeAsync(string table, string partitionKey, string fromRowKey, string? toRowKey, int? take, CancellationToken ct);

    /// <summary>
    /// Applies up to <see cref="RowLimits.MaxBatch"/> operations on one partition, all or nothing.
    /// A failed condition throws <c>ConcurrencyConflictException</c>. Returns the new version per operation (null for deletes).
    /// </summary>
    Task<IReadOnlyList<string?>> SubmitAsync(string table, string partitionKey, IReadOnlyList<RowOp> ops, CancellationToken ct);
}

internal static class RowLimits
{
    /// <summary>Azure entity group transactions take at most 100 operations.</summary>
    public const int MaxBatch = 100;

    /// <summary>Azure string properties hold 64 KiB = 32K UTF-16 chars; bodies are split into chunks below that.</summary>
    public const int ChunkChars = 30_000;

    /// <summary>15 chunks = 900 KB of UTF-16, under the 1 MiB entity limit with room for keys and metadata.</summary>
    public const int MaxChunks = 15;

    public const int MaxBodyChars = ChunkChars * MaxChunks;

    public static void EnsureFits(RowOp op)
    {
        if (op.Body is { Length: > MaxBodyChars })
        {
            throw new ArgumentException(
                $"Row '{op.RowKey}' is {op.Body.Length} characters; a stored row holds at most {MaxBodyChars}. " +
                "Long content belongs in its own rows (e.g. one row per turn).");
        }
    }
}
