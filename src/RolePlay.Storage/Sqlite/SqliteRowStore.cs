using System.Globalization;
using Microsoft.Data.Sqlite;
using Polly;
using Polly.Retry;
using RolePlay.Core.Storage;
using RolePlay.Storage.Rows;

namespace RolePlay.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Each call opens a pooled connection and runs one statement
/// or one transaction: that is one round trip (counted in <see cref="RoundTrips"/>). Writes go through the file's
/// <see cref="SqliteGroupCommit"/>, whose transactions take the write lock up front (BEGIN IMMEDIATE) and wait out a
/// database busy in another process with the busy timeout, then Polly backoff.
/// </summary>
internal sealed class SqliteRowStore : IRowStore
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    private readonly string _connectionString;
    private readonly SqliteGroupCommit _groupCommit;
    private readonly ResiliencePipeline _retry;
    private long _roundTrips;

    public SqliteRowStore(string path, TimeSpan busyTimeout, int maxRetries = 4)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FilePath = Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)busyTimeout.TotalSeconds),
        }.ToString();
        BusyTimeout = busyTimeout;
        _groupCommit = SqliteGroupCommit.For(FilePath, work => RunAsync(work, CancellationToken.None, counted: false));
        _retry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<SqliteException>(e => e.SqliteErrorCode is SqliteBusy or SqliteLocked),
                MaxRetryAttempts = maxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(50),
            })
            .Build();
    }

    public string FilePath { get; }

    public TimeSpan BusyTimeout { get; }

    public string Name => $"SQLite ({Path.GetFileName(FilePath)})";

    /// <summary>Calls made into the database since start (for the hot-path budget test).</summary>
    public long RoundTrips => Interlocked.Read(ref _roundTrips);

    public Task InitializeAsync(IReadOnlyCollection<string> tables, CancellationToken ct)
    {
        if (SqliteFileCheck.Problem(FilePath) is { } problem)
        {
            throw new StorageUnavailableException(Name, problem, new InvalidDataException(problem));
        }

        return RunAsync(Initialize, ct, createDirectory: true);
    }

    private bool Initialize(SqliteConnection connection)
    {
        using (var wal = connection.CreateCommand())
        {
            // WAL lets readers proceed while one writer commits; it is a property of the file, so set once here.
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }

        // Damage inside the file (a bad page) is found now, with what to do, not as an error on some later request.
        var check = Convert.ToString(Scalar(connection, null, "PRAGMA quick_check(1);"), CultureInfo.InvariantCulture);
        if (check != "ok")
        {
            throw new StorageUnavailableException(Name, Damaged($"quick_check: {check}"), new InvalidDataException(check));
        }

        // Readable is not writable: a -shm, -wal or file this account cannot write, or a read-only mount, would start
        // and then refuse every write. Taking the write lock once proves it now.
        try
        {
            using var probe = connection.BeginTransaction(deferred: false);
            probe.Rollback();
        }
        catch (SqliteException e)
        {
            throw new StorageUnavailableException(Name,
                $"the database {FilePath} can be read but cannot be written by this process ({e.Message.TrimEnd('.')}). Give the account " +
                "RolePlay runs as write access to its folder and to the database's -wal and -shm files, or, with every instance " +
                "stopped, move aside the ones it cannot write.", e);
        }

        var version = Convert.ToInt32(Scalar(connection, null, "PRAGMA user_version;"), CultureInfo.InvariantCulture);
        if (version > SqliteMigrations.All.Count)
        {
            throw new InvalidOperationException(
                $"{Name} has schema version {version}, newer than this build knows ({SqliteMigrations.All.Count}).");
        }

        for (var next = version; next < SqliteMigrations.All.Count; next++)
        {
            using var tx = connection.BeginTransaction();
            Execute(connection, tx, SqliteMigrations.All[next]);
            Execute(connection, tx, $"PRAGMA user_version = {next + 1};");
            tx.Commit();
        }

        return true;
    }

    private string Damaged(string finding) =>
        $"the database file {FilePath} is damaged ({finding}). Stop every instance, then restore it from a backup, or " +
        "salvage its rows with the sqlite3 shell's .recover command into a new file.";

    public Task<StoredRow?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken ct) => RunAsync(connection =>
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT pk, rk, body, version FROM rows WHERE tbl = $t AND pk = $p AND rk = $r;";
        cmd.Parameters.AddWithValue("$t", table);
        cmd.Parameters.AddWithValue("$p", partitionKey);
        cmd.Parameters.AddWithValue("$r", rowKey);
        return ReadRows(cmd).FirstOrDefault();
    }, ct);

    public Task<IReadOnlyList<StoredRow>> GetManyAsync(string table, string partitionKey, IReadOnlyList<string> rowKeys, CancellationToken ct) => RunAsync(connection =>
    {
        using var cmd = connection.CreateCommand();
        var names = rowKeys.Select((_, i) => $"$r{i}").ToArray();
        cmd.CommandText = $"SELECT pk, rk, body, version FROM rows WHERE tbl = $t AND pk = $p AND rk IN ({string.Join(", ", names)}) ORDER BY rk;";
        cmd.Parameters.AddWithValue("$t", table);
        cmd.Parameters.AddWithValue("$p", partitionKey);
        for (var i = 0; i < rowKeys.Count; i++)
        {
            cmd.Parameters.AddWithValue(names[i], rowKeys[i]);
        }

        return (IReadOnlyList<StoredRow>)ReadRows(cmd);
    }, ct);

    public Task<IReadOnlyList<StoredRow>> RangeAsync(string table, string partitionKey, string fromRowKey, string? toRowKey, int? take, CancellationToken ct) => RunAsync(connection =>
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT pk, rk, body, version FROM rows WHERE tbl = $t AND pk = $p AND rk >= $from AND ($to IS NULL OR rk < $to) ORDER BY rk LIMIT $take;";
        cmd.Parameters.AddWithValue("$t", table);
        cmd.Parameters.AddWithValue("$p", partitionKey);
        cmd.Parameters.AddWithValue("$from", fromRowKey);
        cmd.Parameters.AddWithValue("$to", (object?)toRowKey ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$take", take ?? -1);
        return (IReadOnlyList<StoredRow>)ReadRows(cmd);
    }, ct);

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

        // One round trip as the caller sees it, whichever group commit carries it.
        Interlocked.Increment(ref _roundTrips);
        return _groupCommit.SubmitAsync((connection, tx) =>
        {
            var versions = new string?[ops.Count];
            for (var i = 0; i < ops.Count; i++)
            {
                versions[i] = Apply(connection, tx, table, partitionKey, ops[i], ops.Count > 1);
            }

            return (IReadOnlyList<string?>)versions;
        }, ct);
    }

    private string? Apply(SqliteConnection connection, SqliteTransaction tx, string table, string pk, RowOp op, bool inBatch)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.Parameters.AddWithValue("$t", table);
        cmd.Parameters.AddWithValue("$p", pk);
        cmd.Parameters.AddWithValue("$r", op.RowKey);
        if (op.Body is not null)
        {
            cmd.Parameters.AddWithValue("$b", op.Body);
        }

        if (op.IfMatch is not null)
        {
            cmd.Parameters.AddWithValue("$v", long.TryParse(op.IfMatch, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1);
        }

        cmd.CommandText = op.Kind switch
        {
            RowOpKind.Insert => "INSERT INTO rows (tbl, pk, rk, body, version) VALUES ($t, $p, $r, $b, 1) ON CONFLICT DO NOTHING RETURNING version;",
            RowOpKind.Replace => "UPDATE rows SET body = $b, version = version + 1 WHERE tbl = $t AND pk = $p AND rk = $r AND version = $v RETURNING version;",
            RowOpKind.Upsert => "INSERT INTO rows (tbl, pk, rk, body, version) VALUES ($t, $p, $r, $b, 1) ON CONFLICT DO UPDATE SET body = excluded.body, version = version + 1 RETURNING version;",
            RowOpKind.Delete when op.IfMatch is not null => "DELETE FROM rows WHERE tbl = $t AND pk = $p AND rk = $r AND version = $v RETURNING 0;",
            RowOpKind.Delete => "DELETE FROM rows WHERE tbl = $t AND pk = $p AND rk = $r RETURNING 0;",
            _ => throw new ArgumentOutOfRangeException(nameof(op)),
        };

        var result = cmd.ExecuteScalar();
        var unconditionalDeleteOfMissingAlone = op is { Kind: RowOpKind.Delete, IfMatch: null } && !inBatch;
        if (result is null && !unconditionalDeleteOfMissingAlone)
        {
            throw new ConcurrencyConflictException(
                $"{op.Kind} of row '{op.RowKey}' in '{table}' did not apply: the row exists, is missing or has changed.");
        }

        return op.Kind == RowOpKind.Delete ? null : Convert.ToString(result, CultureInfo.InvariantCulture);
    }

    private async Task<T> RunAsync<T>(Func<SqliteConnection, T> work, CancellationToken ct, bool createDirectory = false, bool counted = true)
    {
        if (counted)
        {
            Interlocked.Increment(ref _roundTrips);
        }

        try
        {
            return await _retry.ExecuteAsync(
                token =>
                {
                    token.ThrowIfCancellationRequested();
                    if (createDirectory && Path.GetDirectoryName(FilePath) is { Length: > 0 } dir)
                    {
                        Directory.CreateDirectory(dir);
                    }

                    using var connection = new SqliteConnection(_connectionString);
                    connection.Open();
                    Execute(connection, null, $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds};");
                    return ValueTask.FromResult(work(connection));
                },
                ct).ConfigureAwait(false);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteBusy or SqliteLocked)
        {
            throw new StorageUnavailableException(Name, "the database stayed locked by another writer; nothing was written.", e);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 11 /* CORRUPT */)
        {
            throw new StorageUnavailableException(Name, Damaged(e.Message.TrimEnd('.')), e);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 14 /* CANTOPEN */ or 8 /* READONLY */ or 10 /* IOERR */ or 13 /* FULL */ or 26 /* NOTADB */)
        {
            throw new StorageUnavailableException(Name, $"the database file cannot be used ({e.Message.TrimEnd('.')}).", e);
        }
        catch (IOException e)
        {
            throw new StorageUnavailableException(Name, "the database folder cannot be created.", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new StorageUnavailableException(Name, "the database folder cannot be created.", e);
        }
    }

    private static List<StoredRow> ReadRows(SqliteCommand cmd)
    {
        var rows = new List<StoredRow>();
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new StoredRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3).ToString(CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
