using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RolePlay.Slack.Inbound;

/// <summary>One unit of work done after Slack got its acknowledgement.</summary>
public sealed record SlackWork(string Description, Func<CancellationToken, Task> RunAsync);

/// <summary>The bounded queue between the ack path and the work: requests only enqueue, so they answer in milliseconds.</summary>
public sealed class SlackWorkQueue
{
    public const int Capacity = 1024;

    private readonly Channel<SlackWork> _channel = Channel.CreateBounded<SlackWork>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = false });

    private int _pending;

    /// <summary>Work accepted and not yet finished (queued or running).</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>False when the queue is full or shutting down: the caller answers non-2xx so Slack retries later.</summary>
    public bool TryEnqueue(SlackWork work)
    {
        Interlocked.Increment(ref _pending);
        if (_channel.Writer.TryWrite(work))
        {
            return true;
        }

        Interlocked.Decrement(ref _pending);
        return false;
    }

    internal void Finished() => Interlocked.Decrement(ref _pending);

    internal ChannelReader<SlackWork> Reader => _channel.Reader;

    internal void Complete() => _channel.Writer.TryComplete();
}

/// <summary>Drains <see cref="SlackWorkQueue"/> with a few workers. On shutdown it stops taking requests' work and
/// finishes what is queued until the host's shutdown timeout cancels it.</summary>
public sealed class SlackWorkProcessor(SlackWorkQueue queue, ILogger<SlackWorkProcessor> logger) : BackgroundService
{
    private const int Workers = 4;
    private readonly CancellationTokenSource _abort = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => DrainAsync()));

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

    private async Task DrainAsync()
    {
        await foreach (var work in queue.Reader.ReadAllAsync(CancellationToken.None))
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
