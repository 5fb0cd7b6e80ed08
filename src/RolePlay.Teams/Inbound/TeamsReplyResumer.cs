using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RolePlay.Channels;

namespace RolePlay.Teams.Inbound;

/// <summary>Sends the Teams replies a crashed or stopped instance recorded and did not send, at start-up (once their
/// lease ends) and every <see cref="TeamsOptions.ReplyScanInterval"/> after; renews this instance's own leases every
/// quarter lease, on a round of their own.</summary>
public sealed partial class TeamsReplyResumer(
    TeamsReplyInbox replies,
    IServiceScopeFactory scopes,
    IOptions<TeamsOptions> options,
    TimeProvider time,
    ILogger<TeamsReplyResumer> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        InboxRounds.EveryAsync(options.Value.ReplyScanInterval, "Teams replies scan", async ct =>
        {
            var taken = await replies.TakeUpAsync(ct);
            if (taken.Count == 0)
            {
                return;
            }

            LogTakenUp(logger, taken.Count);
            await using var scope = scopes.CreateAsyncScope();
            var pipeline = scope.ServiceProvider.GetRequiredService<TeamsPipeline>();
            foreach (var entry in taken)
            {
                await pipeline.HandOverRecordedAsync(entry);
            }
        }, time, logger, stoppingToken),
        InboxRounds.EveryAsync(options.Value.ReplyLease / 4, "Teams replies lease renewal", replies.RenewAsync, time, logger, stoppingToken));

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams: the replies to {Count} answered activities taken up again")]
    private static partial void LogTakenUp(ILogger logger, int count);
}
