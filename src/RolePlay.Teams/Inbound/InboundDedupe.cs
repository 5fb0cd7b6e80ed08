using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace RolePlay.Teams.Inbound;

/// <summary>Remembers which inbound deliveries were taken so a redelivered activity is processed once. The lead backs
/// this with storage; the in-memory version serves a single instance.</summary>
public interface IInboundDedupe
{
    /// <summary>True the first time <paramref name="key"/> is claimed within the window; false for a repeat.</summary>
    ValueTask<bool> TryClaimAsync(string key, CancellationToken cancellationToken);

    /// <summary>Forgets a claim whose processing failed, so the platform's retry is processed.</summary>
    ValueTask ReleaseAsync(string key, CancellationToken cancellationToken);
}

/// <summary>Claims held in memory for <see cref="TeamsOptions.DedupeWindow"/>; expired entries are swept as new
/// ones arrive so memory stays bounded by the traffic of one window.</summary>
public sealed class InMemoryInboundDedupe(IOptions<TeamsOptions> options, TimeProvider time) : IInboundDedupe
{
    private const int SweepEvery = 1024;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _claims = new(StringComparer.Ordinal);
    private readonly TimeSpan _window = options.Value.DedupeWindow;
    private int _sinceSweep;

    public ValueTask<bool> TryClaimAsync(string key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (Interlocked.Increment(ref _sinceSweep) % SweepEvery == 0)
        {
            Sweep(now);
        }

        var claimed = false;
        _claims.AddOrUpdate(
            key,
            _ => { claimed = true; return now + _window; },
            (_, expires) =>
            {
                claimed = expires <= now;
                return claimed ? now + _window : expires;
            });
        return ValueTask.FromResult(claimed);
    }

    public ValueTask ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        _claims.TryRemove(key, out _);
        return ValueTask.CompletedTask;
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, expires) in _claims)
        {
            if (expires <= now)
            {
                _claims.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, expires));
            }
        }
    }
}
