using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RolePlay.Core.Storage;

namespace RolePlay.Slack.Inbound;

/// <summary>Takes up what is left in the durable inbox: at start-up (what a crashed or stopped instance acknowledged and
/// did not finish, once its lease ends) and every <see cref="SlackOptions.InboxScanInterval"/> after. This instance's own
/// leases are renewed on their own round, every quarter lease: a scan that takes up many entries on a busy store can
/// outlast the half lease left when renewal starts, and a lease lapsed that way lets another instance repeat live work.</summary>
public sealed class SlackInboxResumer(SlackEventInbox inbox, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackInboxResumer> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        EveryAsync(options.Value.InboxScanInterval, "scanned", async ct =>
        {
            if (await inbox.ResumeAsync(ct) is > 0 and var resumed)
            {
                logger.LogInformation("Slack inbox: {Count} acknowledged events taken up again", resumed);
            }
        }, stoppingToken),
        EveryAsync(options.Value.InboxLease / 4, "leases renewed", inbox.RenewAsync, stoppingToken));

    /// <summary>Runs <paramref name="round"/> now and every <paramref name="interval"/> until the host stops.</summary>
    private async Task EveryAsync(TimeSpan interval, string what, Func<CancellationToken, Task> round, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                await round(stoppingToken);
            }
            catch (StorageUnavailableException e)
            {
                logger.LogWarning("Slack inbox not {What}: {Problem}", what, e.Message);
            }
#pragma warning disable CA1031 // A failed round must not stop the host (BackgroundService's default); the next one tries again.
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                logger.LogError(e, "Slack inbox round failed: not {What}", what);
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
