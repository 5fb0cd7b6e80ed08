using System.Globalization;
using RolePlay.Core.Scheduling;
using RolePlay.Core.Settings;
using RolePlay.Core.Storage;

namespace RolePlay.Studio.Http;

/// <summary>A person's own practice time as the studio's form shows it: on when they opted in, the time, their zone,
/// their days (three-letter names), and the sentence the chat would say.</summary>
public sealed record StudioSchedule(bool On, string Time, string TimeZone, IReadOnlyList<string> Days, string Summary)
{
    public static StudioSchedule Of(PersonRecord person, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new StudioSchedule(person.Consent == ConsentState.OptedIn,
            (person.DailyPromptTime ?? PromptSchedule.DefaultTime).ToString("HH:mm", CultureInfo.InvariantCulture), person.TimeZone,
            person.WorkingDays.Select(DayName).ToList(), PersonSettings.Describe(person, now));
    }

    public static string DayName(DayOfWeek day) => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(day).ToLowerInvariant();
}
