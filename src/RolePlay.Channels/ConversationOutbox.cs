using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RolePlay.Channels;

/// <summary>The way replies leave: one queue per conversation. The inbound work that produced a reply hands it over and
/// goes on at once, so it never waits on the platform's outgoing pace; each conversation's replies leave in the order
/// they were handed over, one at a time, at the pace the platform client keeps; a conversation that has to wait (its
/// channel's one message a second, a Retry-After) delays no other conversation.</summary>
/// <remarks>A queue lives while it has work and a little after; idle ones are forgotten on a sweep, under their own
/// lock, so a conversation never has two queues and memory follows the conversations in use. At shutdown what is
/// queued is finished until the host's shutdown timeout, then abandoned with a warning each.</remarks>
public sealed partial class ConversationOutbox(ILogger<ConversationOutbox> logger) : IHostedService, IDisposable
{
    /// <summary>How often (in hand-overs) idle conversations are forgotten.</summary>
    private const int SweepEvery = 256;

    private readonly ConcurrentDictionary<string, Conversation> _conversations = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _abort = new();
    private long _handOvers;
    private int _pending;
    private bool _stopping;

    /// <summary>Replies handed over and not yet sent or given up (queued or being sent).</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>Conversations currently remembered (for tests of the sweep).</summary>
    internal int ConversationCount => _conversations.Count;

    /// <summary>Queues <paramref name="send"/> behind everything already queued for <paramref name="conversation"/>.
    /// False once the host is stopping: the caller sends it itself or lets the platform retry.</summary>
    public bool TryHandOver(string conversation, string description, Func<CancellationToken, Task> send)
    {
        ArgumentNullException.ThrowIfNull(send);
        if (Volatile.Read(ref _stopping))
        {
            return false;
        }

        if (Interlocked.Increment(ref _handOvers) % SweepEvery == 0)
        {
            Sweep();
        }

        Interlocked.Increment(ref _pending);
        while (true)
        {
            var queue = _conversations.GetOrAdd(conversation, _ => new Conversation());
            lock (queue)
            {
                if (queue.Retired)
                {
                    continue; // swept between the look-up and the lock: the conversation's next queue is the one
                }

                // Each reply runs in the context it was handed over in (its request's trace and logging scope); the
                // drain loop itself carries none, or every later reply would look like part of the first one's request.
                queue.Items.Enqueue(new HandedOverWork(description, send));
                if (!queue.Draining)
                {
                    queue.Draining = true;
                    using (ExecutionContext.SuppressFlow())
                    {
                        _ = Task.Run(() => DrainAsync(queue));
                    }
                }

                return true;
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Takes no more replies and waits for the queued ones until <paramref name="cancellationToken"/> (the host's
    /// shutdown timeout), then cancels the rest.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _stopping, true);
        if (!await DrainedAsync(cancellationToken).ConfigureAwait(false))
        {
            await _abort.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Waits until nothing is queued or being sent; false when <paramref name="cancellationToken"/> came first.</summary>
    public async Task<bool> DrainedAsync(CancellationToken cancellationToken)
    {
        while (Pending > 0)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), CancellationToken.None).ConfigureAwait(false);
        }

        return true;
    }

    public void Dispose() => _abort.Dispose();

    private async Task DrainAsync(Conversation queue)
    {
        while (true)
        {
            HandedOverWork? next;
            lock (queue)
            {
                if (!queue.Items.TryDequeue(out next))
                {
                    queue.Draining = false;
                    return;
                }
            }

            try
            {
                await next.RunAsync(_abort.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_abort.IsCancellationRequested)
            {
                LogAbandoned(logger, next.Description);
            }
#pragma warning disable CA1031 // One failing reply must not stop its conversation's later ones; it is logged.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogFailed(logger, next.Description, e);
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
        }
    }

    /// <summary>Forgets the conversations with nothing queued or being sent.</summary>
    private void Sweep()
    {
        foreach (var (key, queue) in _conversations)
        {
            lock (queue)
            {
                if (!queue.Draining && queue.Items.Count == 0)
                {
                    queue.Retired = true;
                    _conversations.TryRemove(new KeyValuePair<string, Conversation>(key, queue));
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reply '{Reply}' abandoned at shutdown")]
    private static partial void LogAbandoned(ILogger logger, string reply);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reply '{Reply}' failed")]
    private static partial void LogFailed(ILogger logger, string reply, Exception exception);

    /// <summary>One conversation's replies in order; guarded by its own lock.</summary>
    private sealed class Conversation
    {
        public Queue<HandedOverWork> Items { get; } = new();

        public bool Draining { get; set; }

        public bool Retired { get; set; }
    }
}
