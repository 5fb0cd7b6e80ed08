namespace RolePlay.Core.Storage;

/// <summary>The cue card a team keeps in sight for the week that starts on <see cref="WeekMonday"/> (the team's local
/// Monday), picked by that week's practice captain or a manager. Who picked it is not kept: it is the team's choice,
/// not anyone's personal data.</summary>
public sealed record CueOfTheWeekRecord(TenantScope Tenant, string TeamId, DateOnly WeekMonday, string CueId, DateTimeOffset ChosenUtc);

public interface ICueOfTheWeekStore
{
    /// <summary>Stores the week's pick; a later pick for the same week replaces it (the captain changed their mind).</summary>
    Task SaveAsync(CueOfTheWeekRecord pick, CancellationToken ct);

    /// <summary>The pick for the week of <paramref name="weekMonday"/>, or null when nobody picked one.</summary>
    Task<CueOfTheWeekRecord?> GetAsync(TenantScope tenant, string teamId, DateOnly weekMonday, CancellationToken ct);
}
