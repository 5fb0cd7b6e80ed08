using RolePlay.Core.Storage;

namespace RolePlay.Core.Routines;

/// <summary>How far the routine runner got for one tenant: every minute up to <see cref="LastCompletedMinuteUtc"/>
/// has been planned and its messages claimed; <see cref="PendingMinutesUtc"/> are earlier minutes that still hold
/// an occasion to retry (throttled, or claimed by a host that may have crashed). Shared by every host.</summary>
public sealed record RoutineCursor(
    TenantScope Tenant,
    DateTimeOffset LastCompletedMinuteUtc,
    IReadOnlyList<DateTimeOffset> PendingMinutesUtc,
    string? Version = null);

public interface IRoutineCursorStore
{
    Task<RoutineCursor?> GetAsync(TenantScope tenant, CancellationToken ct);

    /// <summary>Insert (Version null) or replace-if-unchanged; a stale Version throws
    /// <see cref="ConcurrencyConflictException"/>.</summary>
    Task<RoutineCursor> SaveAsync(RoutineCursor cursor, CancellationToken ct);
}
