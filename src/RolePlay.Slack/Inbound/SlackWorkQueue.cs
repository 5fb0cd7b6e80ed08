using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RolePlay.Channels;

namespace RolePlay.Slack.Inbound;

/// <summary>One unit of work done after Slack got its acknowledgement. Work with the same <see cref="OrderKey"/> (one
/// person in one workspace) runs in the order it was accepted, so quick messages never overtake each other.</summary>
public sealed record SlackWork(string Description, Func<CancellationToken, Task> RunAsync, string? OrderKey = null);

/// <summary>The bounded queue between the ack path and the work: requests only enqueue, so they answer in milliseconds.
/// It is split into lanes, each drained by one worker; work goes to the lane its <see cref="SlackWork.OrderKey"/>
/// hashes to, so one person's events are handled one at a time and in order while different people run in parallel.</summary>
public sealed class SlackWorkQueue
{
    /// <summary>Work the lanes hold in all before a request is refused as busy: 256 a lane, close to 3 s of a lane's share
    /// at 1,500 turns/s, so a slow commit (disk syncs stall now and then) is absorbed rather than refused.</summary>
    public const int Capacity = 4096;

    /// <summary>A lane spends most of a turn waiting on the store (SQLite's driver blocks its thread, a commit waits for
    /// its group), not on the CPU, so there are more lanes than cores. Measured with slack-load at 1,500 turns/s for
    /// 10 s on 2 cores with disk SQLite: 4 lanes of 256 refused 130–274 of 15,000 turns as busy, 16 of 64 up to 293,
    /// 32 of 32 up to 184, 16 of 256 none.</summary>
    public const int Lanes = 16;

    private readonly Channel<HandedOverWork>[] _lanes = Enumerable.Range(0, Lanes)
        .Select(_ => Channel.CreateBounded<HandedOverWork>(new BoundedChannelOptions(Capacity / Lanes)
        {
            FullMode = BoundedChannelFullMode.Wait, SingleReader = true,
        }))
        .ToArray();

    private int _pending;
    private int _unkeyed;

    /// <summary>Work accepted and not yet finished (queued or running).</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>False when the lane is full or shutting down: the caller answers non-2xx so Slack retries later.</summary>
    public bool TryEnqueue(SlackWork work)
    {
        Interlocked.Increment(ref _pending);
        // The work runs later on a lane's loop, in this request's context (its trace and logging scope).
        if (_lanes[LaneOf(work)].Writer.TryWrite(new HandedOverWork(work.Description, work.RunAsync)))
        {
            return true;
        }

        Interlocked.Decrement(ref _pending);
        return false;
    }

    internal void Finished() => Interlocked.Decrement(ref _pending);

    internal IEnumerable<ChannelReader<HandedOverWork>> Readers => _lanes.Select(l => l.Reader);

    internal void Complete()
    {
        foreach (var lane in _lanes)
        {
            lane.Writer.TryComplete();
        }
    }

    /// <summary>The key's ordinal hash (randomised per process, which is enough: order is kept within one process);
    /// work without a key is spread round-robin.</summary>
    private int LaneOf(SlackWork work) => work.OrderKey is { } key
        ? LaneOf(key)
        : (int)((uint)Interlocked.Increment(ref _unkeyed) % Lanes);

    internal static int LaneOf(string orderKey) => (int)((uint)StringComparer.Ordinal.GetHashCode(orderKey) % Lanes);
}

/// <summary>Drains <see cref="SlackWorkQueue"/> with one worker per lane. On shutdown it stops taking requests' work and
/// finishes what is queued until the host's shutdown timeout cancels it.</summary>
public sealed class SlackWorkProcessor(SlackWorkQueue queue, ILogger<SlackWorkProcessor> logger) : BackgroundService
{
    private readonly CancellationTokenSource _abort = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Each lane can hold a thread-pool thread in a synchronous store call (SQLite's driver blocks under its async
        // API). Without spare threads the pool injects new ones slowly and the acks queue behind them: measured with
        // slack-load at 200 requests/s on 2 cores, ack p99 went from ~290 ms to ~8 ms with these threads ready.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, Environment.ProcessorCount + SlackWorkQueue.Lanes), io);
        return Task.WhenAll(queue.Readers.Select(DrainAsync));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        await using var registration = cancellationToken.Register(_abort.Cancel);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }

    private async Task DrainAsync(ChannelReader<HandedOverWork> lane)
    {
        await foreach (var work in lane.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                await work.RunAsync(_abort.Token);
            }
            catch (OperationCanceledException) when (_abort.IsCancellationRequested)
            {
                logger.LogWarning("Slack work '{Work}' abandoned at shutdown", work.Description);
            }
#pragma warning disable CA1031 // One failing event must not stop the workers; it is logged with its description.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "Slack work '{Work}' failed", work.Description);
            }
            finally
            {
                queue.Finished();
            }
        }
    }
}
