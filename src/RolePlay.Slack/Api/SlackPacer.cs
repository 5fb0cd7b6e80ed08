using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace RolePlay.Slack.Api;

/// <summary>Paces chat.postMessage the way Slack asks: about one message per second per channel, inside a budget per
/// workspace. Waiting here is cheaper than collecting 429s.</summary>
public sealed class SlackPacer : IDisposable
{
    private readonly PartitionedRateLimiter<(string Tenant, string Channel)> _perChannel;
    private readonly PartitionedRateLimiter<string> _perWorkspace;

    public SlackPacer(IOptions<SlackOptions> options)
    {
        var interval = options.Value.ChannelMessageInterval;
        var perMinute = options.Value.WorkspaceMessagesPerMinute;
        _perChannel = PartitionedRateLimiter.Create<(string Tenant, string Channel), (string, string)>(key =>
            RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = 1,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = interval,
                QueueLimit = 10_000,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }));
        _perWorkspace = PartitionedRateLimiter.Create<string, string>(tenant =>
            RateLimitPartition.GetFixedWindowLimiter(tenant, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = perMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 100_000,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }));
    }

    /// <summary>Waits for a slot on both the channel and its workspace.</summary>
    public async Task WaitForMessageSlotAsync(string tenantId, string channel, CancellationToken cancellationToken)
    {
        using var workspaceLease = await _perWorkspace.AcquireAsync(tenantId, 1, cancellationToken);
        using var channelLease = await _perChannel.AcquireAsync((tenantId, channel), 1, cancellationToken);
        if (!workspaceLease.IsAcquired || !channelLease.IsAcquired)
        {
            throw new InvalidOperationException($"The message queue for {tenantId}/{channel} is over its limit.");
        }
    }

    public void Dispose()
    {
        _perChannel.Dispose();
        _perWorkspace.Dispose();
    }
}
