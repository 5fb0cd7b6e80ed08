using RolePlay.Core.Storage;

namespace RolePlay.Core.Scheduling;

/// <summary>The end of a person's shift: their <see cref="PersonRecord.ShiftEnd"/> on their working days, in their zone,
/// only while they are opted in and not paused (computed like the daily prompt, see <see cref="PromptSchedule"/>).</summary>
public static class ShiftSchedule
{
    public static DateTimeOffset? Next(PersonRecord person, DateTimeOffset afterUtc) =>
        person is { Consent: ConsentState.OptedIn, ShiftEnd: { } end }
            ? PromptSchedule.Next(end, person.WorkingDays, person.TimeZone, person.PausedUntilUtc, afterUtc)
            : null;
}
