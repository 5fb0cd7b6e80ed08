using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RolePlay.Channels;

namespace RolePlay.Teams.Inbound;

/// <summary>Answers the Teams activities a crashed or stopped instance recorded and did not answer, at start-up (once
/// their lease ends) and every <see cref="TeamsOptions.InboxScanInterval"/> after; renews this instance's own leases
/// every quarter lease, on a round of their own.</summary>
public sealed partial class TeamsInboxResumer(
    TeamsInbox activities,
    IServiceScopeFactory scopes,
    IOptions<TeamsOptions> options,
    TimeProvider time,
    ILogger<TeamsInboxResumer> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        InboxRounds.EveryAsync(options.Value.InboxScanInterval, "Teams scan", async ct =>
        {
            var taken = await activities.TakeUpAsync(ct);
            if (taken.Count == 0)
            {
                return;
            }

            LogTakenUp(logger, taken.Count);
            await using var scope = scopes.CreateAsyncScope();
            var pipeline = scope.ServiceProvider.GetRequiredService<TeamsPipeline>();
            foreach (var entry in taken)
            {
                try
                {
                    await pipeline.AnswerAgainAsync(entry, ct);
                }
#pragma warning disable CA1031 // One activity that fails again must not keep the others waiting; it is tried again later.
                catch (Exception e) when (!ct.IsCancellationRequested)
#pragma warning restore CA1031
                {
                    activities.GiveBack(entry.Key);
                    LogFailed(logger, entry.Key.EventId, e);
                }
            }
        }, time, logger, stoppingToken),
        InboxRounds.EveryAsync(options.Value.InboxLease / 4, "Teams lease renewal", activities.RenewAsync, time, logger, stoppingToken));

    [LoggerMessage(Level = LogLevel.Error, Message = "Teams activity {ActivityKey} taken up again failed; tried again once its lease runs out")]
    private static partial void LogFailed(ILogger logger, string activityKey, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams: {Count} activities taken up again")]
    private static partial void LogTakenUp(ILogger logger, int count);
}
