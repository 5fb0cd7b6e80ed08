using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RolePlay.Channels;

namespace RolePlay.Slack.Inbound;

/// <summary>Takes up what is left in the durable inbox: at start-up (what a crashed or stopped instance acknowledged and
/// did not finish, once its lease ends) and every <see cref="SlackOptions.InboxScanInterval"/> after. This instance's own
/// leases are renewed on their own round, every quarter lease: a scan that takes up many entries on a busy store can
/// outlast the half lease left when renewal starts, and a lease lapsed that way lets another instance repeat live work.</summary>
public sealed class SlackInboxResumer(SlackEventInbox inbox, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackInboxResumer> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        InboxRounds.EveryAsync(options.Value.InboxScanInterval, "Slack scan", async ct =>
        {
            if (await inbox.ResumeAsync(ct) is > 0 and var resumed)
            {
                logger.LogInformation("Slack inbox: {Count} acknowledged events taken up again", resumed);
            }
        }, time, logger, stoppingToken),
        InboxRounds.EveryAsync(options.Value.InboxLease / 4, "Slack lease renewal", inbox.RenewAsync, time, logger, stoppingToken));
}
