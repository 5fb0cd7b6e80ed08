using RolePlay.Core.Routines;
using RolePlay.Core.Storage;
using RolePlay.Storage.Repositories;
using static RolePlay.Storage.Tests.TestData;

namespace RolePlay.Storage.Tests;

/// <summary>The routine runner's cursor (shared by every host, so conditional) and each routine's last run.</summary>
public abstract partial class StorageContract
{
    private protected RoutineStateStore RoutineState => new(Rows);

    [SkippableFact]
    public async Task A_routine_cursor_is_created_once_and_moves_only_from_the_version_read()
    {
        SkipIfUnavailable();
        Assert.Null(await RoutineState.GetAsync(Tenant(), Ct));

        var created = await RoutineState.SaveAsync(new RoutineCursor(Tenant(), Now, []), Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => RoutineState.SaveAsync(new RoutineCursor(Tenant(), Now, []), Ct));

        var moved = await RoutineState.SaveAsync(created with { LastCompletedMinuteUtc = Now.AddMinutes(1), PendingMinutesUtc = [Now] }, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => RoutineState.SaveAsync(created with { LastCompletedMinuteUtc = Now.AddMinutes(2) }, Ct));

        var loaded = (await RoutineState.GetAsync(Tenant(), Ct))!;
        Assert.Equal(Now.AddMinutes(1), loaded.LastCompletedMinuteUtc);
        Assert.Equal([Now], loaded.PendingMinutesUtc);
        Assert.Equal(moved.Version, loaded.Version);
        Assert.Null(await RoutineState.GetAsync(Tenant("fabrikam"), Ct));
    }

    [SkippableFact]
    public async Task Routine_runs_keep_the_last_one_per_routine_within_the_tenant()
    {
        SkipIfUnavailable();
        await RoutineState.RecordAsync(new RoutineRunRecord(Tenant(), RoutineKind.DailyPrompt, Now, 3, 0, 1, "3 sent"), Ct);
        await RoutineState.RecordAsync(new RoutineRunRecord(Tenant(), RoutineKind.DailyPrompt, Now.AddMinutes(1), 5, 1, 0, "5 sent"), Ct);
        await RoutineState.RecordAsync(new RoutineRunRecord(Tenant(), RoutineKind.Standup, Now, 1, 0, 0, "1 sent"), Ct);
        await RoutineState.RecordAsync(new RoutineRunRecord(Tenant("fabrikam"), RoutineKind.Standup, Now, 9, 0, 0, "elsewhere"), Ct);
        await RoutineState.SaveAsync(new RoutineCursor(Tenant(), Now, []), Ct);

        var runs = await RoutineState.ListAsync(Tenant(), Ct);

        Assert.Equal(2, runs.Count);
        Assert.Equal(new RoutineRunRecord(Tenant(), RoutineKind.DailyPrompt, Now.AddMinutes(1), 5, 1, 0, "5 sent"),
            runs.Single(r => r.Routine == RoutineKind.DailyPrompt));
        Assert.Equal("1 sent", runs.Single(r => r.Routine == RoutineKind.Standup).Summary);
        Assert.Empty(await RoutineState.ListAsync(Tenant("initech"), Ct));
    }

    [SkippableFact]
    public async Task A_throttled_ledger_entry_keeps_when_it_may_be_retried_and_a_skip_is_recorded()
    {
        SkipIfUnavailable();
        var entry = NewLedgerEntry(Tenant(), "u-retry");
        Assert.True(await Ledger.TryClaimAsync(entry, Ct));
        var claimed = (await Ledger.GetAsync(entry.Tenant, "u-retry", entry.Routine, entry.OccasionKey, Ct))!;

        var throttled = await Ledger.MarkAsync(claimed with { NotBeforeUtc = Now.AddSeconds(30) }, DeliveryState.Throttled, "429", Now, Ct);
        Assert.Equal(Now.AddSeconds(30), (await Ledger.GetAsync(entry.Tenant, "u-retry", entry.Routine, entry.OccasionKey, Ct))!.NotBeforeUtc);
        Assert.Equal(Now.AddSeconds(30), (await Ledger.ListByDueBucketAsync(entry.Tenant, entry.DueUtc, Ct)).Single().NotBeforeUtc);

        await Ledger.MarkAsync(throttled with { NotBeforeUtc = null }, DeliveryState.Skipped, "missed", Now.AddHours(3), Ct);
        var skipped = (await Ledger.GetAsync(entry.Tenant, "u-retry", entry.Routine, entry.OccasionKey, Ct))!;
        Assert.True(skipped.IsSettled);
        Assert.Equal((DeliveryState.Skipped, 2), (skipped.State, skipped.Attempts));
    }
}
