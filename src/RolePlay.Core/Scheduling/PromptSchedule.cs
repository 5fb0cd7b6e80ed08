namespace RolePlay.Core.Scheduling;

/// <summary>When a person's next daily prompt is due: their chosen local time, on their working days, in their own
/// zone, not while paused. Computed per occurrence in the zone (never "hour − offset"), so DST days are right.</summary>
public static class PromptSchedule
{
    public static readonly TimeOnly DefaultTime = new(9, 30);

    public static readonly IReadOnlyList<DayOfWeek> DefaultDays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>The first occurrence strictly after <paramref name="afterUtc"/>, or null when no day is chosen.</summary>
    /// <param name="pausedUntilUtc">Occurrences before this instant are skipped.</param>
    public static DateTimeOffset? Next(TimeOnly time, IReadOnlyCollection<DayOfWeek> days, string timeZone,
        DateTimeOffset? pausedUntilUtc, DateTimeOffset afterUtc)
    {
        if (days.Count == 0)
        {
            return null;
        }

        var zone = LocalClock.Zone(timeZone);
        var from = pausedUntilUtc is { } paused && paused > afterUtc ? paused.AddTicks(-1) : afterUtc;
        if (from >= DateTimeOffset.MaxValue.AddDays(-8))
        {
            return null;
        }

        var day = LocalClock.Today(from, zone).AddDays(-1);
        for (var i = 0; i < 9; i++, day = day.AddDays(1))
        {
            if (!days.Contains(day.DayOfWeek))
            {
                continue;
            }

            var at = LocalClock.ToInstant(day, time, zone).ToUniversalTime();
            if (at > from)
            {
                return at;
            }
        }

        return null;
    }
}
