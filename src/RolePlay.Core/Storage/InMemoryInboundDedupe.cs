using System.Collections.Concurrent;

namespace RolePlay.Core.Storage;

/// <summary>Claims held in process memory: the default for a single instance and for channel tests. A deployment
/// with several instances uses the store's implementation, so each event is processed once across all of them.</summary>
public sealed class InMemoryInboundDedupe : IInboundDedupe
{
    private readonly ConcurrentDictionary<InboundEventKey, DateTimeOffset> _claims = new();
    private long _claimCount;

    public Task<bool> TryClaimAsync(InboundEventKey key, DateTimeOffset nowUtc, TimeSpan keepFor, CancellationToken ct)
    {
        // Sweep now and then so memory stays bounded by the traffic of one window.
        if (Interlocked.Increment(ref _claimCount) % 1024 == 0)
        {
            Sweep(nowUtc);
        }

        while (true)
        {
            if (_claims.TryAdd(key, nowUtc + keepFor))
            {
                return Task.FromResult(true);
            }

            if (_claims.TryGetValue(key, out var expiry))
            {
                if (expiry > nowUtc)
                {
                    return Task.FromResult(false);
                }

                if (_claims.TryUpdate(key, nowUtc + keepFor, expiry))
                {
                    return Task.FromResult(true);
                }
            }
        }
    }

    public Task ReleaseAsync(InboundEventKey key, CancellationToken ct)
    {
        _claims.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    public Task<int> PurgeExpiredAsync(TenantScope tenant, DateTimeOffset nowUtc, CancellationToken ct) =>
        Task.FromResult(Sweep(nowUtc, tenant));

    private int Sweep(DateTimeOffset nowUtc, TenantScope? only = null)
    {
        var removed = 0;
        foreach (var (key, expiry) in _claims)
        {
            if (expiry <= nowUtc && (only is null || key.Tenant == only) && _claims.TryRemove(new KeyValuePair<InboundEventKey, DateTimeOffset>(key, expiry)))
            {
                removed++;
            }
        }

        return removed;
    }
}
