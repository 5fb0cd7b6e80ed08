using Microsoft.Extensions.Logging;
using RolePlay.Core.Storage;

namespace RolePlay.Channels;

/// <summary>The background rounds over a durable inbox (taking up what a crashed instance left, renewing this one's
/// leases): each runs now and then every interval until the host stops; a failed round is logged and the next one tries
/// again, so a store outage never stops the host.</summary>
public static class InboxRounds
{
    public static async Task EveryAsync(TimeSpan interval, string name, Func<CancellationToken, Task> round, TimeProvider time, ILogger logger,
        CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(logger);
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                await round(stoppingToken).ConfigureAwait(false);
            }
            catch (StorageUnavailableException e)
            {
                logger.LogWarning("Inbox round '{Round}' skipped: {Problem}", name, e.Message);
            }
#pragma warning disable CA1031 // A failed round must not stop the host (BackgroundService's default); the next one tries again.
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                logger.LogError(e, "Inbox round '{Round}' failed", name);
            }
        }
        while (await NextTickAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    /// <summary>False once the host stops, however it stops (a host disposed without a stop cancels the wait too).</summary>
    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
