using System.Collections.Concurrent;

namespace RolePlay.Core.Routines;

/// <summary>Paces calls per key so that no span of <see cref="Window"/> ever holds more than <see cref="Permits"/>
/// of them: the strictest reading of a platform's "N per T" limit, so it holds whatever counter the platform really
/// runs (fixed, sliding or bucket). Both channel senders use it for their tenant-wide budgets.</summary>
/// <remarks>A caller reserves the earliest free slot and waits for it, so callers are served first come, first
/// served, without a queue or a timer per key; only the last <see cref="Permits"/> slots of a key are remembered.
/// A cancelled wait keeps its slot: that costs a little pace, never a 429.</remarks>
public sealed class WindowPacer(int permits, TimeSpan window, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Slots> _slots = new(StringComparer.Ordinal);

    public int Permits { get; } = permits > 0 ? permits : throw new ArgumentOutOfRangeException(nameof(permits));

    public TimeSpan Window { get; } = window > TimeSpan.Zero ? window : throw new ArgumentOutOfRangeException(nameof(window));

    /// <summary>Takes the next slot for <paramref name="key"/> and returns how long to wait for it.</summary>
    public TimeSpan Reserve(string key)
    {
        var slots = _slots.GetOrAdd(key, _ => new Slots());
        var now = time.GetUtcNow();
        lock (slots)
        {
            // Slots are handed out in order; with a full window, the next one opens a window after the oldest of the
            // last Permits.
            var slot = Max(now, slots.Latest);
            if (slots.Taken.Count == Permits)
            {
                slot = Max(slot, slots.Taken.Dequeue() + Window);
            }

            slots.Taken.Enqueue(slot);
            slots.Latest = slot;
            return slot - now;
        }
    }

    /// <summary>Waits for the next slot of <paramref name="key"/>.</summary>
    public Task WaitAsync(string key, CancellationToken ct)
    {
        var wait = Reserve(key);
        return wait > TimeSpan.Zero ? Task.Delay(wait, time, ct) : Task.CompletedTask;
    }

    private sealed class Slots
    {
        public Queue<DateTimeOffset> Taken { get; } = new();

        public DateTimeOffset Latest { get; set; } = DateTimeOffset.MinValue;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
