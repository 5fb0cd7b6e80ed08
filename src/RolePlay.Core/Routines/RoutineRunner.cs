using System.Diagnostics;
using Microsoft.Extensions.Logging;
using RolePlay.Core.Storage;
using RolePlay.Core.Telemetry;

namespace RolePlay.Core.Routines;

/// <summary>Runs every registered <see cref="IRoutine"/> for every tenant, minute by minute from the tenant's stored
/// cursor (the first run starts now). After downtime it catches up minute by minute: occasions missed by less than the
/// misfire window are sent late, older ones recorded as skipped (one log line per skipped range). Minutes whose
/// occasions are still open (throttled, or claimed by another host) stay on the cursor's pending list and are
/// revisited each run through the ledger's due bucket until they settle.</summary>
public sealed class RoutineRunner(
    IEnumerable<IRoutine> routines,
    RoutineDelivery delivery,
    IPeopleStore people,
    IDeliveryLedger ledger,
    IRoutineCursorStore cursors,
    IRoutineStatusStore status,
    RoutineOptions options,
    TimeProvider time,
    ILogger<RoutineRunner> log) : IRoutineRunner
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>Tenants run at once; their sends mostly wait on their own platform budgets, not on this host.</summary>
    private const int ConcurrentTenants = 16;

    // The consent check goes first in a minute: "still want these?" must precede that minute's prompt.
    private readonly IReadOnlyList<IRoutine> _routines =
        routines.OrderBy(r => r.Kind == RoutineKind.ConsentCheck ? 0 : 1).ToArray();

    public async Task RunDueAsync(DateTimeOffset nowUtc, CancellationToken ct)
    {
        // Tenants run side by side: each spends its own platform budget, so one large workspace paced at Slack's
        // per-minute limit must not hold every other tenant's prompts back by as long.
        var started = Stopwatch.GetTimestamp();
        using var span = RolePlayTelemetry.Source.StartActivity("roleplay.routines");
        var tenants = await people.ListTenantsAsync(ct).ConfigureAwait(false);
        span?.SetTag("roleplay.tenants", tenants.Count);
        await Parallel.ForEachAsync(tenants, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentTenants, CancellationToken = ct },
            async (tenant, token) =>
            {
                try
                {
                    await RunTenantAsync(tenant, nowUtc, token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One tenant's trouble must not hold up the others; its cursor still points at the unfinished minute.
                    log.LogError(e, "Routines for {Tenant} stopped; the next run resumes from its last completed minute.", tenant);
                }
            }).ConfigureAwait(false);
        RolePlayTelemetry.RoutineRunDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    public async Task<RoutineRunRecord> RunNowAsync(TenantScope tenant, string teamId, RoutineKind routine, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_routines.FirstOrDefault(r => r.Kind == routine) is not { } found)
        {
            return new RoutineRunRecord(tenant, routine, now, 0, 0, 0, "not running on this bot");
        }

        var planned = new List<PlannedMessage>();
        await foreach (var message in found.PlanNowAsync(tenant, teamId, now, ct).ConfigureAwait(false))
        {
            planned.Add(message);
        }

        var tally = new RunTally();
        tally.Add(routine, await FanOutAsync(planned, ct).ConfigureAwait(false));
        var record = tally.Record(tenant, routine, time.GetUtcNow(), $"run now for team {teamId}");
        await status.RecordAsync(record, ct).ConfigureAwait(false);
        return record;
    }

    private async Task RunTenantAsync(TenantScope tenant, DateTimeOffset nowUtc, CancellationToken ct)
    {
        var nowMinute = DueBucket.Minute(nowUtc);
        var cursor = new CursorWriter(cursors, await cursors.GetAsync(tenant, ct).ConfigureAwait(false)
                                               ?? new RoutineCursor(tenant, nowMinute - Minute, []));
        var tally = new RunTally();

        foreach (var minute in cursor.Current.PendingMinutesUtc.Where(m => m < nowMinute).ToArray())
        {
            if (!await RevisitAsync(tenant, minute, tally, ct).ConfigureAwait(false))
            {
                await cursor.SaveAsync(settled: minute, ct: ct).ConfigureAwait(false);
            }
        }

        var first = cursor.Current.LastCompletedMinuteUtc + Minute;
        if (nowMinute - first > options.MaxCatchUp)
        {
            log.LogWarning("Routines for {Tenant} were idle since {Since:u}; minutes before {From:u} are not replayed.", tenant, first, nowMinute - options.MaxCatchUp);
            first = nowMinute - options.MaxCatchUp;
        }

        LogSkippedRange(tenant, first, nowUtc);
        for (var minute = first; minute <= nowMinute; minute += Minute)
        {
            var result = await RunMinuteAsync(tenant, minute, tally, ct).ConfigureAwait(false);

            // Saved after each minute that sent something (a crash then replays little) and once at the end; an empty
            // minute replayed after a crash costs only its plan.
            if (result.Planned.Count > 0 || minute == nowMinute)
            {
                await cursor.SaveAsync(completed: minute, pending: result.Open.Count > 0 ? minute : null, ct: ct).ConfigureAwait(false);
            }
        }

        foreach (var routine in tally.Routines)
        {
            await status.RecordAsync(tally.Record(tenant, routine, time.GetUtcNow(), null), ct).ConfigureAwait(false);
        }
    }

    /// <summary>Visits a minute that still had open occasions; true while some remain open. The minute is planned
    /// again in full — the ledger's due-bucket mirror is written after the claim, so a crash between the two can hide
    /// an open occasion from it, and a replan is cheap because settled people have moved on to their next prompt. The
    /// mirror then names open occasions no routine plans any more, which are settled as skipped.</summary>
    private async Task<bool> RevisitAsync(TenantScope tenant, DateTimeOffset minute, RunTally tally, CancellationToken ct)
    {
        var result = await RunMinuteAsync(tenant, minute, tally, ct).ConfigureAwait(false);
        var stillOpen = result.Open.Count > 0;
        var unplanned = (await ledger.ListByDueBucketAsync(tenant, minute, ct).ConfigureAwait(false))
            .Where(e => !e.IsSettled && !result.Planned.Contains(OccasionOf(e)));
        foreach (var entry in unplanned)
        {
            stillOpen |= await delivery.SettleUnplannedAsync(entry, ct).ConfigureAwait(false) == DeliveryResult.Pending;
        }

        return stillOpen;
    }

    /// <summary>The occasions a minute's run planned, and those it left open.</summary>
    private sealed record MinuteResult(HashSet<string> Planned, HashSet<string> Open);

    /// <summary>Plans every routine for one minute, then delivers routine by routine.</summary>
    private async Task<MinuteResult> RunMinuteAsync(TenantScope tenant, DateTimeOffset minute, RunTally tally, CancellationToken ct)
    {
        // All plans first: routines reading the same due bucket (consent check, daily prompt) must see it before any
        // delivery's follow-up moves a person on to their next prompt.
        var plans = new List<(RoutineKind Kind, List<PlannedMessage> Messages)>();
        foreach (var routine in _routines)
        {
            var messages = new List<PlannedMessage>();
            await foreach (var message in routine.PlanAsync(tenant, minute, ct).ConfigureAwait(false))
            {
                messages.Add(message);
            }

            plans.Add((routine.Kind, messages));
        }

        var result = new MinuteResult([], []);
        foreach (var (kind, messages) in plans.Where(p => p.Messages.Count > 0))
        {
            var results = await FanOutAsync(messages, ct).ConfigureAwait(false);
            tally.Add(kind, results);
            for (var i = 0; i < messages.Count; i++)
            {
                var key = OccasionOf(messages[i]);
                result.Planned.Add(key);
                if (results[i] == DeliveryResult.Pending)
                {
                    result.Open.Add(key);
                }
            }
        }

        return result;
    }

    private async Task<DeliveryResult[]> FanOutAsync(IReadOnlyList<PlannedMessage> messages, CancellationToken ct)
    {
        var results = new DeliveryResult[messages.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, messages.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrentSends, CancellationToken = ct },
            async (i, token) => results[i] = await delivery.DeliverAsync(messages[i], token).ConfigureAwait(false)).ConfigureAwait(false);
        return results;
    }

    private void LogSkippedRange(TenantScope tenant, DateTimeOffset first, DateTimeOffset nowUtc)
    {
        var lastLate = DueBucket.Minute(nowUtc - options.MisfireWindow - TimeSpan.FromTicks(1));
        if (lastLate >= first)
        {
            log.LogWarning("Routines for {Tenant}: minutes {From:u} to {To:u} were missed by more than {Window}; anything due then is recorded as skipped, not sent.",
                tenant, first, lastLate, options.MisfireWindow);
        }
    }

    private static string OccasionOf(PlannedMessage m) => Occasion(WireName.Of(m.Routine), m.To.RecipientId, m.OccasionKey);

    private static string OccasionOf(LedgerEntry e) => Occasion(e.Routine, e.Recipient, e.OccasionKey);

    private static string Occasion(string routine, string recipient, string occasion) => $"{routine}\n{recipient}\n{occasion}";

    /// <summary>Counts per routine over one run, for "routines status".</summary>
    private sealed class RunTally
    {
        private readonly Dictionary<RoutineKind, int[]> _counts = [];

        /// <summary>Routines that did something this run: a run that only met occasions settled earlier (a revisit)
        /// does not overwrite the last run managers see.</summary>
        public IEnumerable<RoutineKind> Routines =>
            _counts.Where(c => c.Value.Where((_, i) => i != (int)DeliveryResult.AlreadySettled).Sum() > 0).Select(c => c.Key);

        public void Add(RoutineKind routine, IEnumerable<DeliveryResult> results)
        {
            if (!_counts.TryGetValue(routine, out var counts))
            {
                _counts[routine] = counts = new int[Enum.GetValues<DeliveryResult>().Length];
            }

            foreach (var result in results)
            {
                counts[(int)result]++;
            }
        }

        public RoutineRunRecord Record(TenantScope tenant, RoutineKind routine, DateTimeOffset at, string? note)
        {
            var counts = _counts.TryGetValue(routine, out var c) ? c : new int[Enum.GetValues<DeliveryResult>().Length];
            int Count(DeliveryResult r) => counts[(int)r];
            var parts = new List<string>
            {
                $"{Count(DeliveryResult.Sent)} sent",
                $"{Count(DeliveryResult.Skipped)} skipped",
                $"{Count(DeliveryResult.Failed)} failed",
            };
            if (Count(DeliveryResult.Pending) > 0)
            {
                parts.Add($"{Count(DeliveryResult.Pending)} waiting to retry");
            }

            if (Count(DeliveryResult.AlreadySettled) > 0)
            {
                parts.Add($"{Count(DeliveryResult.AlreadySettled)} already done");
            }

            var summary = string.Join(", ", parts) + (note is null ? "" : $" ({note})");
            return new RoutineRunRecord(tenant, routine, at, Count(DeliveryResult.Sent), Count(DeliveryResult.Skipped),
                Count(DeliveryResult.Failed), summary);
        }
    }

    /// <summary>Saves the cursor after each step, merging with other hosts' progress on a conflict: the furthest
    /// completed minute wins, pending minutes are the union less those this host saw settle.</summary>
    private sealed class CursorWriter(IRoutineCursorStore store, RoutineCursor initial)
    {
        private const int Attempts = 5;

        public RoutineCursor Current { get; private set; } = initial;

        public async Task SaveAsync(DateTimeOffset? completed = null, DateTimeOffset? pending = null, DateTimeOffset? settled = null,
            CancellationToken ct = default)
        {
            for (var attempt = 1; ; attempt++)
            {
                var next = Apply(Current, completed, pending, settled);
                try
                {
                    Current = await store.SaveAsync(next, ct).ConfigureAwait(false);
                    return;
                }
                catch (ConcurrencyConflictException) when (attempt < Attempts)
                {
                    Current = await store.GetAsync(Current.Tenant, ct).ConfigureAwait(false) ?? Current with { Version = null };
                }
            }
        }

        private static RoutineCursor Apply(RoutineCursor cursor, DateTimeOffset? completed, DateTimeOffset? pending, DateTimeOffset? settled)
        {
            var minutes = cursor.PendingMinutesUtc.ToHashSet();
            if (pending is { } p)
            {
                minutes.Add(p);
            }

            if (settled is { } s)
            {
                minutes.Remove(s);
            }

            var last = completed is { } c && c > cursor.LastCompletedMinuteUtc ? c : cursor.LastCompletedMinuteUtc;
            return cursor with { LastCompletedMinuteUtc = last, PendingMinutesUtc = minutes.Order().ToArray() };
        }
    }
}
