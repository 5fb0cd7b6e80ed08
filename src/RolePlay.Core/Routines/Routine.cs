using RolePlay.Core.Chat;
using RolePlay.Core.Storage;

namespace RolePlay.Core.Routines;

/// <summary>The scheduled habits. Wire names (<see cref="WireName"/>) are the ledger's routine keys and the words
/// managers type ("routines run standup").</summary>
public enum RoutineKind
{
    DailyPrompt,
    Standup,
    EndOfShift,
    BuddyPairing,
    BuddyCheckIn,
    PracticeCaptain,
    WeeklyCelebration,
    ConsentCheck,
}

/// <summary>One message a routine wants delivered for one occasion. (<see cref="Routine"/>, recipient,
/// <see cref="OccasionKey"/>) is claimed in the delivery ledger before sending, so it is sent once across crashes and
/// hosts. <see cref="ComposeAsync"/> runs only for the winner of the claim; <see cref="AfterSentAsync"/> records what
/// the send made possible (a standup thread's ts, the person's next due minute). It runs once the occasion is settled
/// (sent, failed, or <see cref="ProactiveOutcome.Skipped"/>), and again whenever a later plan of the same occasion
/// meets it settled — a host may have died between recording the outcome and the follow-up — so it must be
/// idempotent; on such a replay a <see cref="ProactiveOutcome.Sent"/> carries no message id.
/// <see cref="DueUtc"/> lies in the minute the routine was planned for: the ledger's due bucket is how a retry finds it.</summary>
public sealed record PlannedMessage(
    RoutineKind Routine,
    RoutineTarget To,
    string OccasionKey,
    DateTimeOffset DueUtc,
    Func<CancellationToken, Task<IReadOnlyList<Outgoing>>> ComposeAsync,
    Func<ProactiveOutcome, CancellationToken, Task>? AfterSentAsync = null);

/// <summary>A scheduled habit: which messages fall due in one UTC minute for one tenant. Planning must be idempotent
/// (two hosts plan the same minute; a restarted host plans it again): anything it decides once — a pairing round, the
/// week's captain — is stored with a conditional write and read back when another planner won.</summary>
public interface IRoutine
{
    RoutineKind Kind { get; }

    IAsyncEnumerable<PlannedMessage> PlanAsync(TenantScope tenant, DateTimeOffset minuteUtc, CancellationToken ct);

    /// <summary>A manager's "run it now" for one team: the same messages, under an occasion key of their own so the
    /// scheduled occasion still happens.</summary>
    IAsyncEnumerable<PlannedMessage> PlanNowAsync(TenantScope tenant, string teamId, DateTimeOffset nowUtc, CancellationToken ct);
}

/// <summary>When a routine last ran for a tenant and what it sent: what managers see in "routines status" and on the
/// dashboard.</summary>
public sealed record RoutineRunRecord(
    TenantScope Tenant,
    RoutineKind Routine,
    DateTimeOffset LastRunUtc,
    int Sent,
    int Skipped,
    int Failed,
    string Summary);

public interface IRoutineStatusStore
{
    Task RecordAsync(RoutineRunRecord run, CancellationToken ct);

    Task<IReadOnlyList<RoutineRunRecord>> ListAsync(TenantScope tenant, CancellationToken ct);
}

/// <summary>The one entry point the scheduler (a Quartz job each minute) and managers' commands call.</summary>
public interface IRoutineRunner
{
    /// <summary>Plans and delivers every routine for every tenant for the minutes not yet run up to
    /// <paramref name="nowUtc"/>; occasions older than the misfire window are skipped and logged, not sent.</summary>
    Task RunDueAsync(DateTimeOffset nowUtc, CancellationToken ct);

    /// <summary>A manager's "run it now" for one team; returns what was sent.</summary>
    Task<RoutineRunRecord> RunNowAsync(TenantScope tenant, string teamId, RoutineKind routine, CancellationToken ct);
}
