using System.Globalization;

namespace RolePlay.Core.Insights;

/// <summary>ISO-8601 weeks as "2026-W05": the unit every insight is counted in. The text sorts in time order (within
/// and across years), so a store can range-read a span of weeks by key.</summary>
public static class IsoWeek
{
    public static string Of(DateTimeOffset utc) => Of(DateOnly.FromDateTime(utc.UtcDateTime));

    public static string Of(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return Format(ISOWeek.GetYear(date), ISOWeek.GetWeekOfYear(date));
    }

    public static DateOnly Monday(string week)
    {
        if (!TryParse(week, out var monday))
        {
            throw new FormatException($"'{week}' is not an ISO week such as 2026-W05.");
        }

        return monday;
    }

    /// <summary>The week <paramref name="weeks"/> weeks after (or before, when negative) <paramref name="week"/>.</summary>
    public static string Add(string week, int weeks) => Of(Monday(week).AddDays(7 * weeks));

    /// <summary>The <paramref name="count"/> weeks ending with the one containing <paramref name="nowUtc"/>, oldest first.</summary>
    public static IReadOnlyList<string> Ending(DateTimeOffset nowUtc, int count)
    {
        var last = Of(nowUtc);
        return Enumerable.Range(0, count).Select(i => Add(last, i - count + 1)).ToArray();
    }

    /// <summary>Reads "2026-W05" (the week) strictly; anything else is false.</summary>
    public static bool TryParse(string? text, out DateOnly monday)
    {
        monday = default;
        if (text is not { Length: 8 } || text[4] != '-' || text[5] != 'W'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || year is < 1900 or > 9998 || number < 1 || number > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }

        monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, number, DayOfWeek.Monday));
        return true;
    }

    private static string Format(int year, int week) => string.Create(CultureInfo.InvariantCulture, $"{year:D4}-W{week:D2}");
}
