namespace RolePlay.Core.Scheduling;

/// <summary>An IANA time zone as a person types it: zone ids are case-sensitive on Linux ("Europe/London"), so the
/// system's own spelling is found whatever the case. One rule for a person's zone, a team's and the studio's forms.</summary>
public static class TimeZoneNames
{
    private static readonly Lazy<Dictionary<string, string>> Known = new(() =>
        TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).Select(z => z.Id).Distinct(StringComparer.OrdinalIgnoreCase)
            .ToDictionary(id => id, StringComparer.OrdinalIgnoreCase));

    /// <summary>The system's spelling of <paramref name="typed"/>, or null when it names no zone.</summary>
    public static string? Find(string? typed) =>
        string.IsNullOrWhiteSpace(typed) ? null : Known.Value.GetValueOrDefault(typed.Trim());
}
