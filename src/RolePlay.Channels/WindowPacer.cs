using System.Collections.Concurrent;

namespace RolePlay.Channels;

/// <summary>Paces calls per key so that no span of <see cref="Window"/> ever holds more than <see cref="Permits"/>
/// of them: the strictest reading of a platform's "N per T" limit, so it holds whatever counter the platform really
/// runs (fixed, sliding or bucket). Both channel senders use it for their tenant-wide budgets.</summary>
/// <remarks>A call's moment is taken when it actually passes, not when it started waiting: on a busy host a timer
/// fires late, and slots booked in advance would then go out bunched together. Callers of one key pass one at a time,
/// in turn; only the last <see cref="Permits"/> moments of a key are remembered.</remarks>
public sealed class WindowPacer(int permits, TimeSpan window, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    public int Permits { get; } = permits > 0 ? permits : throw new ArgumentOutOfRangeException(nameof(permits));

    public TimeSpan Window { get; } = window > TimeSpan.Zero ? window : throw new ArgumentOutOfRangeException(nameof(window));

    /// <summary>Waits until a call for <paramref name="key"/> may go, and counts it as gone now.</summary>
    public async Task WaitAsync(string key, CancellationToken ct)
    {
        var lane = _lanes.GetOrAdd(key, _ => new Lane());
        await lane.Turn.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var now = time.GetUtcNow();
                while (lane.Passed.Count > 0 && lane.Passed.Peek() <= now - Window)
                {
                    lane.Passed.Dequeue();
                }

                if (lane.Passed.Count < Permits)
                {
                    lane.Passed.Enqueue(now);
                    return;
                }

                await Task.Delay(lane.Passed.Peek() + Window - now, time, ct).ConfigureAwait(false);
            }
        }
        finally
        {
            lane.Turn.Release();
        }
    }

    /// <summary>One key's recent passages and whose turn it is. Never disposed: a key lives as long as the pacer.</summary>
    private sealed class Lane
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public Queue<DateTimeOffset> Passed { get; } = new();
    }
}
