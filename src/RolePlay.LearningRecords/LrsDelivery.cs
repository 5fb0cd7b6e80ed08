using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RolePlay.Core.Storage;
using RolePlay.Core.Telemetry;

namespace RolePlay.LearningRecords;

/// <summary>Sends each listed tenant's waiting statements to its LRS, oldest first, in batches. Accepted, they leave
/// the queue; a batch the LRS refuses is sent again one statement at a time, so only the one it refuses is parked
/// (kept with the LRS's reason, never sent again by itself, never lost); an LRS that is down, busy or refusing the
/// sign-in is waited for, doubling the wait up to <see cref="LrsOptions.MaxBackoff"/> or as its Retry-After says.
/// Several instances may send the same statement: its id makes that a statement the LRS already has.</summary>
public sealed partial class LrsDelivery(
    IStatementOutbox outbox,
    LrsClient client,
    IOptions<LrsOptions> options,
    TimeProvider time,
    ILogger<LrsDelivery> logger) : BackgroundService
{
    private readonly Dictionary<string, (int Failures, DateTimeOffset NotBefore)> _waits = [];
    private readonly SemaphoreSlim _round = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Tenants.Any(t => t.Endpoint is not null))
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.ScanInterval, time);
        do
        {
            try
            {
                await DeliverAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (StorageUnavailableException e)
            {
                LogStoreDown(logger, e.Message); // the statements wait in the store; the next round tries again
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>One round over every tenant not waiting out a failure; how many statements the LRSs took.</summary>
    public async Task<int> DeliverAsync(CancellationToken ct)
    {
        await _round.WaitAsync(ct).ConfigureAwait(false); // one round at a time: the waits are the round's own
        try
        {
            var sent = 0;
            foreach (var lrs in options.Value.Tenants.Where(t => t.Endpoint is not null))
            {
                var key = $"{lrs.Platform}|{lrs.TenantId}";
                if (_waits.TryGetValue(key, out var wait) && wait.NotBefore > time.GetUtcNow())
                {
                    continue;
                }

                sent += await DeliverAsync(lrs, key, ct).ConfigureAwait(false);
            }

            return sent;
        }
        finally
        {
            _round.Release();
        }
    }

    private async Task<int> DeliverAsync(LrsTenantOptions lrs, string key, CancellationToken ct)
    {
        var sent = 0;
        while (true)
        {
            var batch = await outbox.ListWaitingAsync(lrs.Tenant, options.Value.BatchSize, ct).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                return sent;
            }

            var answer = await client.PostAsync(lrs, batch, ct).ConfigureAwait(false);
            if (answer is LrsAnswer.Later later)
            {
                WaitOut(lrs, key, later);
                return sent;
            }

            _waits.Remove(key);
            if (answer is LrsAnswer.Accepted)
            {
                await outbox.RemoveAsync(batch, ct).ConfigureAwait(false);
                Count(lrs, "accepted", batch.Count);
                sent += batch.Count;
            }
            else
            {
                var (took, stopped) = await SendOneByOneAsync(lrs, key, batch, ct).ConfigureAwait(false);
                sent += took;
                if (stopped)
                {
                    return sent;
                }
            }

            if (batch.Count < options.Value.BatchSize)
            {
                return sent;
            }
        }
    }

    /// <summary>Finds the statements the LRS refuses in a refused batch: each alone, the refused ones parked. Stopped
    /// when the LRS says "later" midway.</summary>
    private async Task<(int Took, bool Stopped)> SendOneByOneAsync(LrsTenantOptions lrs, string key, IReadOnlyList<QueuedStatement> batch, CancellationToken ct)
    {
        var took = 0;
        foreach (var statement in batch)
        {
            switch (await client.PostAsync(lrs, [statement], ct).ConfigureAwait(false))
            {
                case LrsAnswer.Accepted:
                    await outbox.RemoveAsync([statement], ct).ConfigureAwait(false);
                    Count(lrs, "accepted", 1);
                    took++;
                    break;
                case LrsAnswer.Refused refused:
                    LogParked(logger, statement.StatementId, lrs.Platform, refused.Reason);
                    await outbox.ParkAsync(statement, refused.Reason, ct).ConfigureAwait(false);
                    Count(lrs, "parked", 1);
                    break;
                case LrsAnswer.Later later:
                    WaitOut(lrs, key, later);
                    return (took, true);
            }
        }

        return (took, false);
    }

    private void WaitOut(LrsTenantOptions lrs, string key, LrsAnswer.Later later)
    {
        var failures = (_waits.TryGetValue(key, out var wait) ? wait.Failures : 0) + 1;
        var backoff = later.RetryAfter ?? TimeSpan.FromSeconds(Math.Min(options.Value.MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(failures - 1, 20))));
        _waits[key] = (failures, time.GetUtcNow() + backoff);
        RolePlayTelemetry.LrsWait.Record(backoff.TotalSeconds, new KeyValuePair<string, object?>("roleplay.platform", lrs.Platform));
        LogWaiting(logger, lrs.Platform, later.Problem, backoff);
    }

    private static void Count(LrsTenantOptions lrs, string outcome, int statements) =>
        RolePlayTelemetry.StatementsSent.Add(statements,
            new KeyValuePair<string, object?>("roleplay.platform", lrs.Platform), new KeyValuePair<string, object?>("roleplay.outcome", outcome));

    [LoggerMessage(Level = LogLevel.Warning, Message = "LRS of a {Platform} tenant not reached ({Problem}); statements wait {Wait}")]
    private static partial void LogWaiting(ILogger logger, string platform, string problem, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Error, Message = "Statement {StatementId} refused by the LRS of a {Platform} tenant and parked: {Reason}")]
    private static partial void LogParked(ILogger logger, string statementId, string platform, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Statements not read from the store ({Problem}); tried again next round")]
    private static partial void LogStoreDown(ILogger logger, string problem);
}
