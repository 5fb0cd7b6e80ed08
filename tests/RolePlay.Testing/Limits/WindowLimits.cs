using System.Collections.Concurrent;
using System.Diagnostics;

namespace RolePlay.Testing.Limits;

/// <summary>A platform limit as its documentation states it: at most <see cref="Permits"/> requests in
/// <see cref="Window"/>.</summary>
public sealed record WindowLimit(int Permits, TimeSpan Window);

/// <summary>How the fakes enforce a platform's limits: per key, a request is admitted only if every limit still has
/// room in the window that ends now (a sliding log, the strictest reading of "N per T"); otherwise the answer is a
/// 429 whose Retry-After is the whole seconds until the oldest request in the way leaves its window. Refused requests
/// are not counted. Wall-clock time, as the real platform keeps.</summary>
public sealed class WindowLimits(params WindowLimit[] limits)
{
    private readonly ConcurrentDictionary<string, Queue<long>> _admitted = new(StringComparer.Ordinal);
    private readonly TimeSpan _longest = limits.Length == 0 ? TimeSpan.Zero : limits.Max(l => l.Window);

    public IReadOnlyList<WindowLimit> Limits { get; } = limits;

    /// <summary>Seconds to wait (at least 1) before <paramref name="key"/> has room in every limit; 0 when it has.</summary>
    public int RetryAfterSeconds(string key)
    {
        var now = Stopwatch.GetTimestamp();
        var log = _admitted.GetOrAdd(key, _ => new Queue<long>());
        lock (log)
        {
            while (log.Count > 0 && Stopwatch.GetElapsedTime(log.Peek(), now) >= _longest)
            {
                log.Dequeue();
            }

            var wait = TimeSpan.Zero;
            foreach (var limit in Limits)
            {
                // The requests inside this limit's window are the newest ones; the one that must leave first is the
                // Permits-th newest.
                var inside = log.Where(t => Stopwatch.GetElapsedTime(t, now) < limit.Window).ToList();
                if (inside.Count >= limit.Permits)
                {
                    var left = limit.Window - Stopwatch.GetElapsedTime(inside[inside.Count - limit.Permits], now);
                    wait = left > wait ? left : wait;
                }
            }

            return wait > TimeSpan.Zero ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 0;
        }
    }

    /// <summary>Counts an admitted request.</summary>
    public void Count(string key)
    {
        var log = _admitted.GetOrAdd(key, _ => new Queue<long>());
        lock (log)
        {
            log.Enqueue(Stopwatch.GetTimestamp());
        }
    }
}
