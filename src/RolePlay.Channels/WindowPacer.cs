using System.Collections.Concurrent;

namespace RolePlay.Channels;

/// <summary>Paces calls per key so that no span of <see cref="Window"/> ever holds more than <see cref="Permits"/>
/// of them: the strictest reading of a platform's "N per T" limit, so it holds whatever counter the platform really
/// runs (fixed, sliding or bucket). Both channel senders use it for their tenant-wide budgets.</summary>
/// <remarks>A call's moment is taken when it actually passes, not when it started waiting: on a busy host a timer
/// fires late, and slots booked in advance would then go out bunched together. Callers of one key pass one at a time,
/// in turn; only the last <see cref="Permits"/> moments of a key are remembered, and a key idle for a whole window is
/// forgotten.</remarks>
public sealed class WindowPacer(int permits, TimeSpan window, TimeProvider time)
{
    /// <summary>How often (in calls) idle keys are forgotten.</summary>
    private const int SweepEvery = 256;

    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private long _calls;

    public int Permits { get; } = permits > 0 ? permits : throw new ArgumentOutOfRangeException(nameof(permits));

    public TimeSpan Window { get; } = window > TimeSpan.Zero ? window : throw new ArgumentOutOfRangeException(nameof(window));

    /// <summary>Waits until a call for <paramref name="key"/> may go, and counts it as gone now.</summary>
    public async Task WaitAsync(string key, CancellationToken ct)
    {
        if (Interlocked.Increment(ref _calls) % SweepEvery == 0)
        {
            Sweep();
        }

        while (true)
        {
            var lane = _lanes.GetOrAdd(key, _ => new Lane());
            await lane.Turn.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                if (lane.Retired)
                {
                    continue; // swept between the look-up and the turn: the key's next lane is the one that counts
                }

                await PassAsync(lane, ct).ConfigureAwait(false);
                return;
            }
            finally
            {
                lane.Turn.Release();
            }
        }
    }

    /// <summary>Keys currently remembered (for tests of the sweep).</summary>
    internal int KeyCount => _lanes.Count;

    private async Task PassAsync(Lane lane, CancellationToken ct)
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
                lane.LastPassed = now;
                return;
            }

            await Task.Delay(lane.Passed.Peek() + Window - now, time, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Forgets the keys nobody is waiting on whose every passage has left the window: such a lane says nothing
    /// a new one would not, so memory follows the keys in use, not every key ever seen.</summary>
    private void Sweep()
    {
        var cutoff = time.GetUtcNow() - Window;
        foreach (var (key, lane) in _lanes)
        {
            if (!lane.Turn.Wait(0))
            {
                continue;
            }

            try
            {
                if (lane.LastPassed <= cutoff)
                {
                    lane.Retired = true;
                    _lanes.TryRemove(new KeyValuePair<string, Lane>(key, lane));
                }
            }
            finally
            {
                lane.Turn.Release();
            }
        }
    }

    /// <summary>One key's recent passages and whose turn it is; retired (under its turn) when swept.</summary>
    private sealed class Lane
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public Queue<DateTimeOffset> Passed { get; } = new();

        public DateTimeOffset LastPassed { get; set; } = DateTimeOffset.MinValue;

        public bool Retired { get; set; }
    }
}
