using System.Threading.RateLimiting;
using RolePlay.Channels;

namespace RolePlay.Teams.Outbound;

/// <summary>Which budgets a connector call spends: its conversation's and its tenant's.</summary>
public readonly record struct OutboundKey(string TenantId, string ConversationId);

/// <summary>Paces connector calls to Teams' published limits instead of waiting for 429s: per conversation 7/1 s,
/// 8/2 s, 60/30 s and 1800/h (chained sliding windows), then per tenant 30 requests/s. A call first waits for its
/// conversation (each has its own partition, so one busy conversation never slows another), and only then takes a
/// tenant slot, so a slot is never held by a call still waiting for its conversation.</summary>
/// <remarks>The tenant budget is the one a fan-out meets. It is spent as evenly spaced requests, one every
/// <see cref="TenantSpacing"/> (25 a second), not as bursts of 30: on a busy host requests reach Teams some tens to
/// hundreds of milliseconds after they pass here, a burst arrives smeared, and a strict counter then finds parts of
/// two bursts in one second. Spaced, a second holds at most 25 requests, and the five to spare absorb that jitter.</remarks>
public sealed class ConnectorRateLimiter : IAsyncDisposable
{
    public static readonly TimeSpan TenantSpacing = TimeSpan.FromMilliseconds(40);

    private const int QueueLimit = 10_000;
    private readonly PartitionedRateLimiter<OutboundKey> _perConversation = PartitionedRateLimiter.CreateChained(
        PerConversation(7, TimeSpan.FromSeconds(1), 10),
        PerConversation(8, TimeSpan.FromSeconds(2), 10),
        PerConversation(60, TimeSpan.FromSeconds(30), 30),
        PerConversation(1800, TimeSpan.FromHours(1), 60));

    // Teams counts on the wall clock, not on the host's clock (which tests move): pacing always runs in real time.
    private readonly WindowPacer _perTenant = new(1, TenantSpacing, TimeProvider.System);

    /// <summary>Waits until the call may go; false when the conversation's queue is full (the caller reports
    /// Throttled rather than queueing without bound).</summary>
    public async ValueTask<bool> WaitTurnAsync(OutboundKey key, CancellationToken cancellationToken)
    {
        using (var lease = await _perConversation.AcquireAsync(key, 1, cancellationToken).ConfigureAwait(false))
        {
            if (!lease.IsAcquired)
            {
                return false;
            }
        }

        await _perTenant.WaitAsync(key.TenantId, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public ValueTask DisposeAsync()
    {
        _perConversation.Dispose();
        return ValueTask.CompletedTask;
    }

    private static PartitionedRateLimiter<OutboundKey> PerConversation(int permits, TimeSpan window, int segments) =>
        PartitionedRateLimiter.Create<OutboundKey, OutboundKey>(key =>
            RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                SegmentsPerWindow = segments,
                QueueLimit = QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }));
}
