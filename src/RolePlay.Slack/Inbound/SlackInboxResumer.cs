using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RolePlay.Core.Storage;

namespace RolePlay.Slack.Inbound;

/// <summary>Takes up what is left in the durable inbox: at start-up (what a crashed or stopped instance acknowledged and
/// did not finish, once its lease ends) and every <see cref="SlackOptions.InboxScanInterval"/> after, renewing this
/// instance's own leases on the way.</summary>
public sealed class SlackInboxResumer(SlackEventInbox inbox, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackInboxResumer> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.InboxScanInterval, time);
        do
        {
            try
            {
                if (await inbox.ResumeAsync(stoppingToken) is > 0 and var resumed)
                {
                    logger.LogInformation("Slack inbox: {Count} acknowledged events taken up again", resumed);
                }
            }
            catch (StorageUnavailableException e)
            {
                logger.LogWarning("Slack inbox not scanned: {Problem}", e.Message);
            }
#pragma warning disable CA1031 // A failed round must not stop the host (BackgroundService's default); the next one tries again.
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                logger.LogError(e, "Slack inbox scan failed");
            }
        }
        while (await NextTickAsync(timer, stoppingToken));
    }

    /// <summary>False once the host stops, however it stops (a host disposed without a stop cancels the wait too).</summary>
    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
