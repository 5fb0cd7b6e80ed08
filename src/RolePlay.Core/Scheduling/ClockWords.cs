using System.Globalization;

namespace RolePlay.Core.Scheduling;

/// <summary>The clock times and weekdays people type ("9:30", "2pm", "mon-fri", "friday"), read the same way by every
/// command that takes them.</summary>
public static class ClockWords
{
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    /// <summary>Accepts 09:30, 9:30, 930, 9am, 2:15pm.</summary>
    public static bool TryParseClock(string text, out TimeOnly time)
    {
        string[] formats = ["H:mm", "HH:mm", "Hmm", "HHmm", "h:mmtt", "htt", "hh:mmtt", "hhtt"];
        return TimeOnly.TryParseExact(text.ToUpperInvariant(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    /// <summary>Days as typed, in words: "weekdays", "daily", "weekend", "mon wed fri", "mon,wed,fri", "mon - fri" or a
    /// range that wraps the week ("fri-mon"); null when any part is not a day.</summary>
    public static HashSet<DayOfWeek>? ParseDays(IEnumerable<string> words)
    {
        var phrase = string.Join(',', words).ToLowerInvariant().Replace(",-,", "-", StringComparison.Ordinal)
            .Replace(",-", "-", StringComparison.Ordinal).Replace("-,", "-", StringComparison.Ordinal);
        return phrase switch
        {
            "weekdays" or "workdays" => Range(DayOfWeek.Monday, DayOfWeek.Friday),
            "everyday" or "every,day" or "daily" or "all" => Range(DayOfWeek.Sunday, DayOfWeek.Saturday),
            "weekends" or "weekend" => [DayOfWeek.Saturday, DayOfWeek.Sunday],
            _ => ParseDayList(phrase),
        };
    }

    private static HashSet<DayOfWeek>? ParseDayList(string phrase)
    {
        var days = new HashSet<DayOfWeek>();
        foreach (var part in phrase.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var ends = part.Split('-');
            if (ends.Length == 1 && TryParseDay(ends[0], out var single))
            {
                days.Add(single);
            }
            else if (ends.Length == 2 && TryParseDay(ends[0], out var from) && TryParseDay(ends[1], out var to))
            {
                days.UnionWith(Range(from, to));
            }
            else
            {
                return null;
            }
        }

        return days;
    }

    /// <summary>A range that may wrap the week: fri-mon is Friday, Saturday, Sunday, Monday.</summary>
    private static HashSet<DayOfWeek> Range(DayOfWeek from, DayOfWeek to)
    {
        var days = new HashSet<DayOfWeek>();
        for (var d = from; ; d = (DayOfWeek)(((int)d + 1) % 7))
        {
            days.Add(d);
            if (d == to)
            {
                return days;
            }
        }
    }

    public static bool TryParseDay(string word, out DayOfWeek day)
    {
        var index = word.Length >= 3 ? Array.IndexOf(DayNames, word[..3]) : -1;
        var full = index >= 0 && (((DayOfWeek)index).ToString().StartsWith(word, StringComparison.OrdinalIgnoreCase) || word == "weds");
        day = full ? (DayOfWeek)index : default;
        return full;
    }
}
