using System.Collections.Concurrent;

namespace RolePlay.Slack.Inbound;

/// <summary>Remembers which (tenant, event id) pairs were accepted, so Slack's retries are answered but processed once.
/// The host may back it with storage; the in-memory default serves one instance.</summary>
public interface IInboundDedupe
{
    /// <summary>True the first time a key is seen within its time to live; false for a duplicate.</summary>
    ValueTask<bool> TryBeginAsync(string tenantId, string eventId, CancellationToken cancellationToken);

    /// <summary>Forgets a key whose work could not be queued, so Slack's next retry is processed.</summary>
    ValueTask ForgetAsync(string tenantId, string eventId, CancellationToken cancellationToken);
}

public sealed class InMemoryInboundDedupe(TimeProvider time) : IInboundDedupe
{
    /// <summary>Slack's last retry comes about five minutes after the first attempt; keep keys well past it.</summary>
    public static readonly TimeSpan TimeToLive = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<(string, string), DateTimeOffset> _seen = new();
    private long _calls;

    public ValueTask<bool> TryBeginAsync(string tenantId, string eventId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (Interlocked.Increment(ref _calls) % 1024 == 0)
        {
            Sweep(now);
        }

        var key = (tenantId, eventId);
        while (true)
        {
            if (_seen.TryAdd(key, now + TimeToLive))
            {
                return ValueTask.FromResult(true);
            }

            if (_seen.TryGetValue(key, out var expiry) && expiry > now)
            {
                return ValueTask.FromResult(false);
            }

            // Expired: replace it atomically, or loop if another request raced us.
            if (_seen.TryUpdate(key, now + TimeToLive, expiry))
            {
                return ValueTask.FromResult(true);
            }
        }
    }

    public ValueTask ForgetAsync(string tenantId, string eventId, CancellationToken cancellationToken)
    {
        _seen.TryRemove((tenantId, eventId), out _);
        return ValueTask.CompletedTask;
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, expiry) in _seen)
        {
            if (expiry <= now)
            {
                _seen.TryRemove(new KeyValuePair<(string, string), DateTimeOffset>(key, expiry));
            }
        }
    }
}
