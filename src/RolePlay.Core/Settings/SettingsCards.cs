using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Core.Practice;
using RolePlay.Core.Scheduling;
using RolePlay.Core.Storage;
using Inputs = RolePlay.Core.Chat.CardVerbs.Inputs;

namespace RolePlay.Core.Settings;

/// <summary>A person's own settings on one card, and the home view of their progress.</summary>
public static class SettingsCards
{
    /// <summary>Every setting on one card; submitting it changes only what differs.</summary>
    public static Card Settings(PersonRecord person, DateTimeOffset now)
    {
        var pausedUntil = PersonSettings.IsPaused(person, now) && person.PausedUntilUtc != DateTimeOffset.MaxValue
            ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(person.PausedUntilUtc!.Value, LocalClock.Zone(person.TimeZone)).DateTime)
                .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : null;
        return new Card(
            "settings",
            "Your practice settings",
            [
                new TextBlock(PersonSettings.Describe(person, now), TextStyle.Subtle),
                new TextInput(Inputs.PromptTime, "Daily prompt time (HH:MM, your time)", "09:30",
                    Value: (person.DailyPromptTime ?? PromptSchedule.DefaultTime).ToString("HH\\:mm", System.Globalization.CultureInfo.InvariantCulture), MaxLength: 5),
                new ChoiceInput(Inputs.Days, "Days", Days, Multiple: true,
                    Value: string.Join(',', person.WorkingDays.Select(DayValue)), Required: true),
                IntensityInput(PersonSettings.IntensityOf(person)),
                new TextInput(Inputs.TimeZone, "Time zone", "Europe/London", Value: person.TimeZone, MaxLength: 64),
                new TextInput(Inputs.PauseUntil, "Pause prompts until (YYYY-MM-DD, empty = not paused)", "2026-12-01", Value: pausedUntil, MaxLength: 10),
            ],
            [
                new SubmitAction("Save", CardVerbs.SaveSettings, ActionStyle.Positive),
                new SubmitAction("Stop all prompts", CardVerbs.OptOut, ActionStyle.Destructive),
            ]);
    }

    /// <summary>The Slack App Home: progress against one's own past, the settings, and a way in.</summary>
    public static Card Home(PersonRecord person, IReadOnlyList<SessionRecord> ended, DateTimeOffset now)
    {
        var scored = ended.Where(s => s.Outcome is not null && s.Outcome != WireName.Of(SessionOutcome.Stopped)).ToList();
        var lastWeek = scored.Count(s => s.StartedUtc > now.AddDays(-7));
        var resolved = scored.Count(s => s.Outcome == WireName.Of(SessionOutcome.Resolved));
        return new Card(
            "home",
            "Your empathy practice",
            [
                new FactSet(
                [
                    new Fact("Practices", scored.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new Fact("This week", lastWeek.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new Fact("Customers settled", resolved.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ]),
                new TextBlock(PersonSettings.Describe(person, now)),
            ],
            [
                new SubmitAction("Start a practice", CardVerbs.PickScenario, ActionStyle.Positive),
                new SubmitAction(person.Consent == ConsentState.OptedIn ? "Change settings" : "Join daily practice",
                    person.Consent == ConsentState.OptedIn ? CardVerbs.OpenSettings : CardVerbs.OptIn),
            ]);
    }

    public static ChoiceInput IntensityInput(Intensity current) => new(
        Inputs.Intensity,
        "Intensity",
        [
            new Choice("Low — a patient customer", WireName.Of(Intensity.Low)),
            new Choice("Medium", WireName.Of(Intensity.Medium)),
            new Choice("High — an upset customer who pushes hard", WireName.Of(Intensity.High)),
        ],
        Value: WireName.Of(current));

    private static readonly Choice[] Days = Enum.GetValues<DayOfWeek>()
        .Skip(1).Append(DayOfWeek.Sunday)
        .Select(d => new Choice(d.ToString(), DayValue(d)))
        .ToArray();

    private static string DayValue(DayOfWeek day) => day.ToString()[..3].ToLowerInvariant();
}
