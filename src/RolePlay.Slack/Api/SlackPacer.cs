using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using RolePlay.Channels;

namespace RolePlay.Slack.Api;

/// <summary>Paces the Web API calls a fan-out makes the way Slack asks, instead of collecting 429s: chat.postMessage
/// about one message per second per channel and a budget per workspace per minute; conversations.open at its tier
/// (Tier 3, 50 a minute per workspace). Every attempt of a call passes here, retries included.</summary>
/// <remarks>A message first waits for its channel (each channel its own partition, so a busy DM never holds up
/// another channel) and only then takes a workspace slot. Workspace budgets are kept exactly
/// (<see cref="WindowPacer"/>: never more than the budget in any minute), with <see cref="Margin"/> for requests that
/// reach Slack a little after their slot.</remarks>
public sealed class SlackPacer : IDisposable
{
    /// <summary>Room for requests that reach Slack a little after they pass here (seconds, on a busy host, for a burst).</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(1);

    private readonly PartitionedRateLimiter<(string Tenant, string Channel)> _perChannel;
    private readonly WindowPacer _messagesPerWorkspace;
    private readonly WindowPacer _opensPerWorkspace;

    public SlackPacer(IOptions<SlackOptions> options)
    {
        // Slack counts on the wall clock, not on the host's clock (which tests move): pacing always runs in real time.
        var time = TimeProvider.System;
        var settings = options.Value;
        var interval = settings.ChannelMessageInterval;
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
        _messagesPerWorkspace = new WindowPacer(settings.WorkspaceMessagesPerMinute, TimeSpan.FromMinutes(1) + Margin, time);
        _opensPerWorkspace = new WindowPacer(settings.ConversationsOpenPerMinute, TimeSpan.FromMinutes(1) + Margin, time);
    }

    /// <summary>Waits until a call may go: a message waits for its channel and workspace, a conversations.open for
    /// the workspace's opens, any other method not at all. False when the channel's queue is full.</summary>
    public async ValueTask<bool> WaitTurnAsync(SlackPace pace, CancellationToken cancellationToken)
    {
        switch (pace.Method)
        {
            case "chat.postMessage" when pace.Channel is not null:
                return await WaitForMessageSlotAsync(pace.TenantId, pace.Channel, cancellationToken);
            case "conversations.open":
                await _opensPerWorkspace.WaitAsync(pace.TenantId, cancellationToken);
                return true;
            default:
                return true;
        }
    }

    public void Dispose() => _perChannel.Dispose();

    private async Task<bool> WaitForMessageSlotAsync(string tenantId, string channel, CancellationToken cancellationToken)
    {
        using (var channelLease = await _perChannel.AcquireAsync((tenantId, channel), 1, cancellationToken))
        {
            if (!channelLease.IsAcquired)
            {
                return false;
            }
        }

        await _messagesPerWorkspace.WaitAsync(tenantId, cancellationToken);
        return true;
    }

}

/// <summary>The budget a Web API call spends: its workspace's, for a message also its channel's.</summary>
public readonly record struct SlackPace(string TenantId, string Method, string? Channel);
