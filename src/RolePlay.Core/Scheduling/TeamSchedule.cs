using System.Globalization;
using RolePlay.Core.Storage;

namespace RolePlay.Core.Scheduling;

/// <summary>When a team's weekly and daily routines fall due, in the team's zone. A routine asks "is this UTC minute
/// the occurrence of local time T on a local day D?" and gets the local date back as the occasion, so DST days work the
/// same way as for people (<see cref="LocalClock"/>: a skipped time happens after the jump, a repeated one once).</summary>
public static class TeamSchedule
{
    public static readonly TimeOnly DefaultPairingTime = new(10, 0);
    public static readonly TimeOnly DefaultCaptainTime = new(9, 0);
    public static readonly TimeOnly DefaultCelebrationTime = new(16, 0);

    /// <summary>Pairing "fortnightly" runs in even weeks counted from this Monday, so every host agrees which weeks.</summary>
    private static readonly DateOnly FortnightEpoch = new(2024, 1, 1);

    public static IReadOnlyList<DayOfWeek> WorkingDays(TeamRecord team) => team.WorkingDays ?? PromptSchedule.DefaultDays;

    /// <summary>The local date on which <paramref name="time"/> on one of <paramref name="days"/> falls in the minute
    /// <paramref name="minuteUtc"/>, or null. The day before is checked too: near a zone's midnight DST jump a time can
    /// be pushed past the date it belongs to.</summary>
    public static DateOnly? DueDate(DateTimeOffset minuteUtc, TimeOnly time, TimeZoneInfo zone, IReadOnlyCollection<DayOfWeek> days)
    {
        var minute = DueBucket.Minute(minuteUtc);
        var today = LocalClock.Today(minute, zone);
        foreach (var day in (ReadOnlySpan<DateOnly>)[today.AddDays(-1), today])
        {
            if (days.Contains(day.DayOfWeek) && DueBucket.Minute(LocalClock.ToInstant(day, time, zone)) == minute)
            {
                return day;
            }
        }

        return null;
    }

    public static DateOnly? StandupDate(TeamRecord team, DateTimeOffset minuteUtc) =>
        team is { StandupChannelId: not null, StandupTime: { } at }
            ? DueDate(minuteUtc, at, LocalClock.Zone(team.TimeZone), WorkingDays(team))
            : null;

    /// <summary>The captain is chosen on Monday at the standup time, or 09:00 for a team without one.</summary>
    public static DateOnly? CaptainDate(TeamRecord team, DateTimeOffset minuteUtc) =>
        team.StandupChannelId is null
            ? null
            : DueDate(minuteUtc, team.StandupTime ?? DefaultCaptainTime, LocalClock.Zone(team.TimeZone), [DayOfWeek.Monday]);

    public static DateOnly? PairingDate(TeamRecord team, DateTimeOffset minuteUtc)
    {
        if (team.Pairing == PairingCadence.Off)
        {
            return null;
        }

        var date = DueDate(minuteUtc, team.PairingTime ?? DefaultPairingTime, LocalClock.Zone(team.TimeZone), [team.PairingDay]);
        return date is { } d && (team.Pairing == PairingCadence.Weekly || IsPairingFortnight(d)) ? date : null;
    }

    public static bool IsPairingFortnight(DateOnly day) => (WeekBucket.Monday(day).DayNumber - FortnightEpoch.DayNumber) / 7 % 2 == 0;

    public static DateOnly? CelebrationDate(TeamRecord team, DateTimeOffset minuteUtc) =>
        team is { StandupChannelId: not null, CelebrationDay: { } day }
            ? DueDate(minuteUtc, team.CelebrationTime ?? DefaultCelebrationTime, LocalClock.Zone(team.TimeZone), [day])
            : null;

    /// <summary>The ledger occasion of a team's local date ("2026-11-25"); "run now" uses its own instant instead.</summary>
    public static string Occasion(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string NowOccasion(DateTimeOffset nowUtc) => "now-" + nowUtc.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
}
