using System.Globalization;
using RolePlay.Core.Practice;
using RolePlay.Core.Scheduling;

namespace RolePlay.Core.Routing;

/// <summary>Parses the practice commands. Forgiving about case, a leading "/practice" or "/", and "until"/"at";
/// strict about values, so "time 25:00" is explained rather than half-applied.</summary>
public static class PracticeCommandParser
{
    /// <param name="today">The person's local date, to resolve "pause until friday" and "pause 3 days".</param>
    public static PracticeCommand Parse(string text, DateOnly today)
    {
        var words = Tokenise(text);
        if (words.Count == 0)
        {
            return new PracticeCommand.Help();
        }

        // "/end" with no practice running: a scene control, not an unknown word. ("/pause" and "/stop" stay the
        // commands they are outside a scene: pause the daily prompts, opt out.)
        if (text.Trim().Equals("/end", StringComparison.OrdinalIgnoreCase))
        {
            return new PracticeCommand.NoPractice();
        }

        var verb = words[0];
        var rest = words.Skip(1).ToList();
        return verb switch
        {
            "help" or "?" => new PracticeCommand.Help(rest.FirstOrDefault()),
            "start" or "practice" or "play" or "roleplay" => new PracticeCommand.Start(rest.FirstOrDefault()),
            "pause" => ParsePause(rest, today),
            "resume" or "unpause" => new PracticeCommand.Resume(),
            "stop" or "optout" or "opt-out" or "unsubscribe" => new PracticeCommand.OptOut(),
            "optin" or "opt-in" or "join" => new PracticeCommand.OptIn(),
            "opt" when rest is ["out"] => new PracticeCommand.OptOut(),
            "opt" when rest is ["in"] => new PracticeCommand.OptIn(),
            "time" => ParseTime(rest),
            "days" => ParseDays(rest),
            "intensity" => ParseIntensity(rest),
            "timezone" or "tz" or "zone" => ParseZone(rest),
            "settings" or "preferences" => new PracticeCommand.Settings(),
            "shift" => ParseShift(rest),
            "no-pair" or "nopair" or "no_pair" => ParseNoPair(text),
            "team" => new PracticeCommand.Team(rest),
            _ => new PracticeCommand.Unknown(text, $"“{verb}” is not a command I know."),
        };
    }

    /// <summary>Lower-cased words, without a leading "/practice" or "/" and without filler words.</summary>
    private static List<string> Tokenise(string text)
    {
        var words = text.Trim().ToLowerInvariant()
            .Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
            .ToList();
        if (words.Count > 0 && words[0] == "/practice")
        {
            words.RemoveAt(0);
        }

        if (words.Count > 0 && words[0].StartsWith('/'))
        {
            words[0] = words[0][1..];
        }

        words.RemoveAll(w => w is "until" or "at" or "to" or "for");
        return words;
    }

    private static PracticeCommand ParsePause(List<string> rest, DateOnly today)
    {
        if (rest.Count == 0)
        {
            return new PracticeCommand.Pause(null);
        }

        var phrase = string.Join(' ', rest);
        if (DateOnly.TryParseExact(phrase, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date < today
                ? new PracticeCommand.Unknown(phrase, $"{date:yyyy-MM-dd} has already passed.")
                : new PracticeCommand.Pause(date);
        }

        if (phrase == "tomorrow")
        {
            return new PracticeCommand.Pause(today.AddDays(1));
        }

        if (ClockWords.TryParseDay(phrase, out var weekday))
        {
            var ahead = ((int)weekday - (int)today.DayOfWeek + 7) % 7;
            return new PracticeCommand.Pause(today.AddDays(ahead == 0 ? 7 : ahead));
        }

        if (rest.Count == 2 && int.TryParse(rest[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is > 0 and <= 366)
        {
            return rest[1].TrimEnd('s') switch
            {
                "day" => new PracticeCommand.Pause(today.AddDays(count)),
                "week" => new PracticeCommand.Pause(today.AddDays(7 * count)),
                _ => PauseHelp(phrase),
            };
        }

        return PauseHelp(phrase);
    }

    private static PracticeCommand.Unknown PauseHelp(string phrase) =>
        new(phrase, "Pause until a date (2026-12-01), a weekday (friday), tomorrow, or for a while (3 days, 2 weeks).");

    private static PracticeCommand ParseTime(List<string> rest)
    {
        if (rest.Count == 1 && ClockWords.TryParseClock(rest[0], out var time))
        {
            return new PracticeCommand.SetTime(time);
        }

        return new PracticeCommand.Unknown(string.Join(' ', rest), "Give the time as HH:MM in your own time zone, e.g. time 09:30.");
    }

    private static PracticeCommand ParseShift(List<string> rest) => rest switch
    {
        ["off" or "none" or "clear"] => new PracticeCommand.SetShiftEnd(null),
        ["end" or "ends", var clock] when ClockWords.TryParseClock(clock, out var end) => new PracticeCommand.SetShiftEnd(end),
        [var clock] when ClockWords.TryParseClock(clock, out var end) => new PracticeCommand.SetShiftEnd(end),
        _ => new PracticeCommand.Unknown(string.Join(' ', rest), "Give the time your shift ends as HH:MM, e.g. shift 17:30, or shift off."),
    };

    /// <summary>User ids are case-sensitive, so they are read from the original text: "no-pair @U123" (the channels turn
    /// their mention syntax into this) or a bare id; "no-pair clear" forgets every exclusion.</summary>
    private static PracticeCommand ParseNoPair(string text)
    {
        var words = text.Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        var verb = Array.FindIndex(words, w => w.TrimStart('/').ToLowerInvariant() is "no-pair" or "nopair" or "no_pair");
        var args = words[(verb + 1)..];
        if (args is not [var target])
        {
            return new PracticeCommand.Unknown(text, "Name one person you'd rather not be paired with: no-pair @someone (or no-pair clear).");
        }

        if (target.Equals("clear", StringComparison.OrdinalIgnoreCase))
        {
            return new PracticeCommand.NoPair(null);
        }

        var id = target.TrimStart('@');
        return id.Length is > 0 and <= 256 && !id.Any(char.IsControl)
            ? new PracticeCommand.NoPair(id)
            : new PracticeCommand.Unknown(text, "Name one person: no-pair @someone.");
    }

    private static PracticeCommand ParseDays(List<string> rest) =>
        ClockWords.ParseDays(rest) is { Count: > 0 } days
            ? new PracticeCommand.SetDays(days)
            : new PracticeCommand.Unknown(string.Join(' ', rest), "Name days as a range or a list: mon-fri, mon-sun, mon,wed,fri, sat-mon.");

    private static PracticeCommand ParseIntensity(List<string> rest) =>
        rest.Count == 1 && WireName.TryParse<Intensity>(rest[0], out var intensity)
            ? new PracticeCommand.SetIntensity(intensity)
            : new PracticeCommand.Unknown(string.Join(' ', rest), "Choose an intensity: low, medium or high.");

    private static PracticeCommand ParseZone(List<string> rest)
    {
        var candidate = rest.Count == 1 ? rest[0] : "";
        return TimeZoneNames.Find(candidate) is { } match
            ? new PracticeCommand.SetTimeZone(match)
            : new PracticeCommand.Unknown(candidate, "Give an IANA time zone such as Europe/London or America/Chicago.");
    }
}
