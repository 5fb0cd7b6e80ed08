using System.Globalization;
using RolePlay.Core.Chat;
using RolePlay.Core.Practice;
using RolePlay.Core.Scheduling;
using RolePlay.Core.Storage;

namespace RolePlay.Core.Settings;

/// <summary>A person's practice settings: the defaults for someone new, each change, and the due minute of their
/// next prompt recomputed after every change (so routines query a bucket instead of scanning people).</summary>
public static class PersonSettings
{
    /// <summary>The zone of someone whose own is not known (yet).</summary>
    public const string DefaultTimeZone = "Etc/UTC";

    /// <summary>Someone the bot has just met: asked nothing yet, so sent nothing until they opt in.</summary>
    public static PersonRecord NewPerson(ChannelUser user, string? timeZone = null) => new(
        new PersonKey(user.Platform, user.TenantId, user.UserId),
        user.DisplayName ?? user.UserId,
        timeZone ?? DefaultTimeZone,
        ConsentState.NotAsked,
        ConsentAskedUtc: null,
        Intensity: (int)Intensity.Medium,
        DailyPromptTime: null,
        WorkingDays: PromptSchedule.DefaultDays,
        PausedUntilUtc: null,
        Role: PersonRole.Agent,
        IsNewHire: false,
        TeamId: null,
        NextPromptUtc: null);

    public static Intensity IntensityOf(PersonRecord person) =>
        Enum.IsDefined((Intensity)person.Intensity) ? (Intensity)person.Intensity : Intensity.Medium;

    public static PersonRecord OptIn(PersonRecord person, DateTimeOffset now) => Reschedule(person with
    {
        Consent = ConsentState.OptedIn,
        ConsentAskedUtc = now,
        DailyPromptTime = person.DailyPromptTime ?? PromptSchedule.DefaultTime,
    }, now);

    /// <summary>Stops everything at once, without penalty; settings are kept for a return.</summary>
    public static PersonRecord OptOut(PersonRecord person, DateTimeOffset now) =>
        person with { Consent = ConsentState.OptedOut, ConsentAskedUtc = now, NextPromptUtc = null, NextShiftEndUtc = null };

    /// <summary>Choosing one's own prompt time is opting in to daily prompts.</summary>
    public static PersonRecord WithPromptTime(PersonRecord person, TimeOnly time, DateTimeOffset now) =>
        OptIn(person with { DailyPromptTime = time }, now);

    public static PersonRecord WithDays(PersonRecord person, IEnumerable<DayOfWeek> days, DateTimeOffset now) =>
        Reschedule(person with { WorkingDays = days.Order().ToArray() }, now);

    public static PersonRecord WithTimeZone(PersonRecord person, string zone, DateTimeOffset now) =>
        Reschedule(person with { TimeZone = zone }, now);

    public static PersonRecord WithIntensity(PersonRecord person, Intensity intensity) =>
        person with { Intensity = (int)intensity };

    /// <summary>Pauses prompts until the start of <paramref name="until"/> in the person's zone, or until resumed.</summary>
    public static PersonRecord Pause(PersonRecord person, DateOnly? until, DateTimeOffset now)
    {
        var end = until is { } day
            ? LocalClock.ToInstant(day, TimeOnly.MinValue, LocalClock.Zone(person.TimeZone)).ToUniversalTime()
            : DateTimeOffset.MaxValue;
        return Reschedule(person with { PausedUntilUtc = end }, now);
    }

    public static PersonRecord Resume(PersonRecord person, DateTimeOffset now) =>
        Reschedule(person with { PausedUntilUtc = null }, now);

    /// <summary>The platform says the person is gone: no more prompts until they speak to the bot again.</summary>
    public static PersonRecord MarkUnreachable(PersonRecord person, DateTimeOffset now) =>
        person with { UnreachableSinceUtc = person.UnreachableSinceUtc ?? now, NextPromptUtc = null };

    /// <summary>They wrote to the bot again, so it can reach them: prompts resume from now.</summary>
    public static PersonRecord MarkReachable(PersonRecord person, DateTimeOffset now) =>
        Reschedule(person with { UnreachableSinceUtc = null }, now);

    /// <summary>"Keep" on the consent check, or no answer at all: prompts go on, asked again in a few weeks.</summary>
    public static PersonRecord KeepConsent(PersonRecord person, DateTimeOffset now) => person with { ConsentAskedUtc = now };

    /// <summary>The consent check's "pause a week": no prompts for seven days from today, then back as before.</summary>
    public static PersonRecord PauseWeek(PersonRecord person, DateTimeOffset now) =>
        Pause(person with { ConsentAskedUtc = now }, LocalToday(person, now).AddDays(7), now);

    public static DateOnly LocalToday(PersonRecord person, DateTimeOffset now) =>
        LocalClock.Today(now, LocalClock.Zone(person.TimeZone));

    public static bool IsPaused(PersonRecord person, DateTimeOffset now) => person.PausedUntilUtc is { } until && until > now;

    /// <summary>"Daily prompt at 09:30 on Mon, Tue, Wed, Thu, Fri (Europe/London). Intensity: medium."</summary>
    public static string Describe(PersonRecord person, DateTimeOffset now)
    {
        var days = string.Join(", ", person.WorkingDays.Select(d => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(d)));
        var prompts = person.Consent switch
        {
            ConsentState.OptedIn => $"Daily prompt at {(person.DailyPromptTime ?? PromptSchedule.DefaultTime):HH\\:mm} on {days} ({person.TimeZone}).",
            ConsentState.OptedOut => "Daily prompts are off (you opted out).",
            _ => "Daily prompts are off until you opt in.",
        };
        var pause = IsPaused(person, now)
            ? person.PausedUntilUtc == DateTimeOffset.MaxValue
                ? " Paused until you resume."
                : $" Paused until {TimeZoneInfo.ConvertTime(person.PausedUntilUtc!.Value, LocalClock.Zone(person.TimeZone)):ddd d MMM}."
            : "";
        return $"{prompts}{pause} Intensity: {WireName.Of(IntensityOf(person))}.";
    }

    /// <summary>The next prompt strictly after <paramref name="now"/>: none unless opted in and reachable.</summary>
    public static PersonRecord Reschedule(PersonRecord person, DateTimeOffset now) => person with
    {
        NextPromptUtc = person is { Consent: ConsentState.OptedIn, UnreachableSinceUtc: null }
            ? PromptSchedule.Next(person.DailyPromptTime ?? PromptSchedule.DefaultTime, person.WorkingDays, person.TimeZone, person.PausedUntilUtc, now)
            : null,
        NextShiftEndUtc = ShiftSchedule.Next(person, now),
    };
}
