using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using RolePlay.Core.Storage;

namespace RolePlay.Storage.Sqlite;

/// <summary>Group commit for one database file: the write batches that wait while a commit is on disk are applied
/// together in the next transaction, each inside its own savepoint, and made durable by one sync. A batch stays all or
/// nothing and sees the batches before it, exactly as if they had committed one by one in arrival order; only the
/// syncs are shared. With one writer at a time nothing changes; under load the syncs per second, not the batches,
/// are the limit (SQLite's commit sync was what capped turns at a few hundred a second on disk). Its one loop is also
/// the file's one writer in this process: SQLite's busy handler waits by sleeping and retrying, unfairly, so hundreds of
/// writers at once (a routine fanning out) would starve some past the busy timeout; queued here they take turns, and the
/// busy timeout is left for writers in other processes. Disposing an uncommitted transaction rolls it back, so a failed
/// group leaves nothing behind.</summary>
internal sealed class SqliteGroupCommit
{
    /// <summary>At most this many batches share a transaction, so one commit never holds the lock for long.</summary>
    private const int MaxGroup = 128;

    private static readonly ConcurrentDictionary<string, SqliteGroupCommit> ByFile = new(StringComparer.Ordinal);

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    private SqliteGroupCommit(Func<Func<SqliteConnection, bool>, Task> commit) => _ = Task.Run(() => RunAsync(commit));

    /// <summary>The file's committer; the first store to ask for it lends it its way of running one transaction.</summary>
    public static SqliteGroupCommit For(string filePath, Func<Func<SqliteConnection, bool>, Task> commit) =>
        ByFile.GetOrAdd(filePath, _ => new SqliteGroupCommit(commit));

    /// <summary>Applies <paramref name="apply"/> in the next group; its result, or its own failure, comes back here.</summary>
    public Task<T> SubmitAsync<T>(Func<SqliteConnection, SqliteTransaction, T> apply, CancellationToken ct)
    {
        var pending = new Pending<T>(apply, ct);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The SQLite group commit has stopped.");
        }

        return pending.Done.Task;
    }

    private async Task RunAsync(Func<Func<SqliteConnection, bool>, Task> commit)
    {
        var group = new List<Pending>(MaxGroup);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            group.Clear();
            while (group.Count < MaxGroup && _queue.Reader.TryRead(out var next))
            {
                if (!next.Cancelled)
                {
                    group.Add(next);
                }
            }

            if (group.Count == 0)
            {
                continue;
            }

            try
            {
                // Run again from the start if the transaction is retried (busy): each attempt applies every batch anew.
                await commit(connection =>
                {
                    using var tx = connection.BeginTransaction(deferred: false);
                    foreach (var pending in group)
                    {
                        pending.ApplyInSavepoint(connection, tx);
                    }

                    tx.Commit();
                    return true;
                }).ConfigureAwait(false);
                foreach (var pending in group)
                {
                    pending.Complete();
                }
            }
#pragma warning disable CA1031 // The group's failure (storage unavailable, cancelled) is each batch's failure.
            catch (Exception e)
#pragma warning restore CA1031
            {
                foreach (var pending in group)
                {
                    pending.Fail(e);
                }
            }
        }
    }

    private abstract class Pending
    {
        public abstract bool Cancelled { get; }

        public abstract void ApplyInSavepoint(SqliteConnection connection, SqliteTransaction tx);

        public abstract void Complete();

        public abstract void Fail(Exception e);
    }

    private sealed class Pending<T>(Func<SqliteConnection, SqliteTransaction, T> apply, CancellationToken ct) : Pending
    {
        private T? _result;
        private Exception? _refused;

        public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override bool Cancelled => ct.IsCancellationRequested && Done.TrySetCanceled(ct);

        /// <summary>A batch whose condition fails (a conflict) is rolled back alone; the others still commit.</summary>
        public override void ApplyInSavepoint(SqliteConnection connection, SqliteTransaction tx)
        {
            (_result, _refused) = (default, null);
            tx.Save("batch");
            try
            {
                _result = apply(connection, tx);
                tx.Release("batch");
            }
            catch (ConcurrencyConflictException e)
            {
                tx.Rollback("batch");
                tx.Release("batch");
                _refused = e;
            }
        }

        public override void Complete()
        {
            if (_refused is null)
            {
                Done.TrySetResult(_result!);
            }
            else
            {
                Done.TrySetException(_refused);
            }
        }

        public override void Fail(Exception e) => Done.TrySetException(e);
    }
}
