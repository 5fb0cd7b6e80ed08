using System.Threading.RateLimiting;

namespace RolePlay.Teams.Outbound;

/// <summary>Which budgets a connector call spends: its conversation's and its tenant's.</summary>
public readonly record struct OutboundKey(string TenantId, string ConversationId);

/// <summary>Paces connector calls to Teams' published limits instead of waiting for 429s: per conversation 7/1 s,
/// 8/2 s, 60/30 s and 1800/h (chained sliding windows), and per tenant 30 requests/s. A call waits in a queue for
/// its turn; one busy conversation never slows another (each has its own partition).</summary>
public sealed class ConnectorRateLimiter : IAsyncDisposable
{
    private const int QueueLimit = 10_000;
    private readonly PartitionedRateLimiter<OutboundKey> _limiter = PartitionedRateLimiter.CreateChained(
        PerConversation(7, TimeSpan.FromSeconds(1), 10),
        PerConversation(8, TimeSpan.FromSeconds(2), 10),
        PerConversation(60, TimeSpan.FromSeconds(30), 30),
        PerConversation(1800, TimeSpan.FromHours(1), 60),
        PartitionedRateLimiter.Create<OutboundKey, string>(key =>
            RateLimitPartition.GetSlidingWindowLimiter(key.TenantId, _ => Window(30, TimeSpan.FromSeconds(1), 10))));

    public ValueTask<RateLimitLease> AcquireAsync(OutboundKey key, CancellationToken cancellationToken) =>
        _limiter.AcquireAsync(key, 1, cancellationToken);

    public ValueTask DisposeAsync()
    {
        _limiter.Dispose();
        return ValueTask.CompletedTask;
    }

    private static PartitionedRateLimiter<OutboundKey> PerConversation(int permits, TimeSpan window, int segments) =>
        PartitionedRateLimiter.Create<OutboundKey, OutboundKey>(key =>
            RateLimitPartition.GetSlidingWindowLimiter(key, _ => Window(permits, window, segments)));

    private static SlidingWindowRateLimiterOptions Window(int permits, TimeSpan window, int segments) => new()
    {
        PermitLimit = permits,
        Window = window,
        SegmentsPerWindow = segments,
        QueueLimit = QueueLimit,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    };
}
