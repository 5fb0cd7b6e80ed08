using System.Threading.RateLimiting;
using RolePlay.Core.Routines;

namespace RolePlay.Teams.Outbound;

/// <summary>Which budgets a connector call spends: its conversation's and its tenant's.</summary>
public readonly record struct OutboundKey(string TenantId, string ConversationId);

/// <summary>Paces connector calls to Teams' published limits instead of waiting for 429s: per conversation 7/1 s,
/// 8/2 s, 60/30 s and 1800/h (chained sliding windows), then per tenant 30 requests/s. A call first waits for its
/// conversation (each has its own partition, so one busy conversation never slows another), and only then takes a
/// tenant slot, so a slot is never held by a call still waiting for its conversation.</summary>
/// <remarks>The tenant budget is the one a fan-out meets, so it is kept exactly (<see cref="WindowPacer"/>: never
/// more than 30 in any second), with <see cref="Margin"/> for requests that reach Teams a little after their slot.</remarks>
public sealed class ConnectorRateLimiter(TimeProvider time) : IAsyncDisposable
{
    public const int TenantRequestsPerSecond = 30;

    /// <summary>Room between a slot and the request's arrival: a burst of 30 reaches Teams spread over new connections and
    /// thread-pool scheduling, and a window that starts early must not catch the next burst.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(200);

    private const int QueueLimit = 10_000;
    private readonly PartitionedRateLimiter<OutboundKey> _perConversation = PartitionedRateLimiter.CreateChained(
        PerConversation(7, TimeSpan.FromSeconds(1), 10),
        PerConversation(8, TimeSpan.FromSeconds(2), 10),
        PerConversation(60, TimeSpan.FromSeconds(30), 30),
        PerConversation(1800, TimeSpan.FromHours(1), 60));

    private readonly WindowPacer _perTenant = new(TenantRequestsPerSecond, TimeSpan.FromSeconds(1) + Margin, time);

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
