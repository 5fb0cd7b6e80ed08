using RolePlay.Core.Chat;
using RolePlay.Core.Practice;
using RolePlay.Core.Scheduling;
using RolePlay.Core.Settings;
using RolePlay.Core.Storage;
using Inputs = RolePlay.Core.Chat.CardVerbs.Inputs;

namespace RolePlay.Core.Routing;

/// <summary>The settings card submitted: each field read as its typed command would be, so the card and the chat accept
/// the same values; a bad field comes back under its input and nothing is saved.</summary>
public sealed class SettingsForm(IPeopleStore people, TimeProvider time)
{
    public async Task<RouterResult> SaveAsync(PersonRecord person, IReadOnlyDictionary<string, string> values, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var errors = new Dictionary<string, string>();
        var updated = person;
        if (values.GetValueOrDefault(Inputs.TimeZone) is { Length: > 0 } zone)
        {
            if (PracticeCommandParser.Parse($"timezone {zone}", default) is PracticeCommand.SetTimeZone z)
            {
                updated = PersonSettings.WithTimeZone(updated, z.TimeZoneId, now);
            }
            else
            {
                errors[Inputs.TimeZone] = "Use an IANA time zone such as Europe/London.";
            }
        }

        if (values.GetValueOrDefault(Inputs.PromptTime) is { Length: > 0 } clock)
        {
            if (ClockWords.TryParseClock(clock, out var at))
            {
                updated = PersonSettings.WithPromptTime(updated, at, now);
            }
            else
            {
                errors[Inputs.PromptTime] = "Use HH:MM, e.g. 09:30.";
            }
        }

        if (values.GetValueOrDefault(Inputs.Days) is { } days)
        {
            if (PracticeCommandParser.Parse($"days {days}", default) is PracticeCommand.SetDays d)
            {
                updated = PersonSettings.WithDays(updated, d.Days, now);
            }
            else
            {
                errors[Inputs.Days] = "Choose at least one day.";
            }
        }

        if (WireName.TryParse<Intensity>(values.GetValueOrDefault(Inputs.Intensity), out var intensity))
        {
            updated = PersonSettings.WithIntensity(updated, intensity);
        }

        if (values.GetValueOrDefault(Inputs.PauseUntil) is { Length: > 0 } pause)
        {
            if (PracticeCommandParser.Parse($"pause until {pause}", PersonSettings.LocalToday(updated, now)) is PracticeCommand.Pause p)
            {
                updated = PersonSettings.Pause(updated, p.Until, now);
            }
            else
            {
                errors[Inputs.PauseUntil] = "Use a future date as YYYY-MM-DD.";
            }
        }
        else if (person.PausedUntilUtc is not null)
        {
            updated = PersonSettings.Resume(updated, now);
        }

        if (errors.Count > 0)
        {
            return new RouterResult([], InputErrors: errors);
        }

        var saved = await people.SaveAsync(updated, ct).ConfigureAwait(false);
        var summary = PersonSettings.Describe(saved, now);
        return new RouterResult([new TextOut($"Saved. {summary}")], ReplaceCard: CommonCards.Acknowledged("settings", summary));
    }
}
