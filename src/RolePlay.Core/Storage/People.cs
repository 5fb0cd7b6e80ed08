namespace RolePlay.Core.Storage;

public enum ConsentState
{
    /// <summary>Never asked: no practice prompt may be sent.</summary>
    NotAsked,
    OptedIn,
    OptedOut,
}

public enum PersonRole
{
    Agent,
    Manager,
}

/// <summary>
/// One person's settings. <see cref="Version"/> is the concurrency token the store handed out
/// (null for a person not stored yet); saving with a stale one raises <see cref="ConcurrencyConflictException"/>.
/// <see cref="UnreachableSinceUtc"/> is when a channel first said the person cannot be reached (they blocked or
/// uninstalled the bot, or their account is gone), so routines stop writing to them; null while they can be reached.
/// <see cref="ShiftEnd"/> is when their shift ends (local time, on their working days): the end-of-shift phrase card
/// goes out then, and <see cref="NextShiftEndUtc"/> is its due minute, indexed like <see cref="NextPromptUtc"/>.
/// <see cref="PairExclusions"/> are user ids (same tenant) they asked never to be paired with; either side's
/// exclusion keeps a pair apart.
/// </summary>
public sealed record PersonRecord(
    PersonKey Key,
    string DisplayName,
    string TimeZone,
    ConsentState Consent,
    DateTimeOffset? ConsentAskedUtc,
    int Intensity,
    TimeOnly? DailyPromptTime,
    IReadOnlyList<DayOfWeek> WorkingDays,
    DateTimeOffset? PausedUntilUtc,
    PersonRole Role,
    bool IsNewHire,
    string? TeamId,
    DateTimeOffset? NextPromptUtc,
    string? Version = null,
    DateTimeOffset? UnreachableSinceUtc = null,
    TimeOnly? ShiftEnd = null,
    DateTimeOffset? NextShiftEndUtc = null,
    IReadOnlyList<string>? PairExclusions = null)
{
    /// <summary>Whether this person is a manager of <paramref name="teamId"/>: a manager manages their own team only.</summary>
    public bool Manages(string teamId) => Role == PersonRole.Manager && TeamId == teamId;
}

/// <summary>A person together with their live role-play (if any): what one inbound message needs.</summary>
public sealed record PersonWithLiveSession(PersonRecord? Person, SessionRecord? LiveSession);

public interface IPeopleStore
{
    Task<PersonRecord?> GetAsync(PersonKey key, CancellationToken ct);

    /// <summary>
    /// The hot-path read: the person and their live session header (with its engine state) in one round trip.
    /// </summary>
    Task<PersonWithLiveSession> GetWithLiveSessionAsync(PersonKey key, CancellationToken ct);

    /// <summary>Insert (Version null) or update-if-unchanged; returns the stored record with its new Version.</summary>
    Task<PersonRecord> SaveAsync(PersonRecord person, CancellationToken ct);

    /// <summary>People of one tenant whose <see cref="PersonRecord.NextPromptUtc"/> falls in this UTC minute (an index read, not a scan).</summary>
    Task<IReadOnlyList<PersonKey>> ListDueAsync(TenantScope tenant, DateTimeOffset minuteUtc, CancellationToken ct);

    /// <summary>People of one tenant whose <see cref="PersonRecord.NextShiftEndUtc"/> falls in this UTC minute (an index read).</summary>
    Task<IReadOnlyList<PersonKey>> ListShiftEndsDueAsync(TenantScope tenant, DateTimeOffset minuteUtc, CancellationToken ct);

    /// <summary>Tenants that have at least one person, so routines can visit each tenant's due bucket.</summary>
    Task<IReadOnlyList<TenantScope>> ListTenantsAsync(CancellationToken ct);
}

/// <summary>Truncates times to the minute bucket the due index uses.</summary>
public static class DueBucket
{
    public static DateTimeOffset Minute(DateTimeOffset utc)
    {
        var u = utc.ToUniversalTime();
        return new DateTimeOffset(u.Year, u.Month, u.Day, u.Hour, u.Minute, 0, TimeSpan.Zero);
    }

    public static DateOnly Day(DateTimeOffset utc) => DateOnly.FromDateTime(utc.UtcDateTime);
}
