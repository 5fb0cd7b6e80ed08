namespace RolePlay.Core.Scheduling;

/// <summary>Turns a local wall-clock time in an IANA zone into an instant, the way a person expects across DST:
/// a time skipped by spring-forward happens at the same distance after the jump (02:30 → 03:30), and a time that
/// occurs twice at fall-back happens once, at its first occurrence.</summary>
public static class LocalClock
{
    public static TimeZoneInfo Zone(string ianaId) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(ianaId, out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Inside the spring-forward gap: the offset before the gap, applied to the wall time, lands after it.
            var before = zone.GetUtcOffset(local.AddHours(-3));
            return new DateTimeOffset(local, before).ToOffset(zone.GetUtcOffset(local.AddHours(3)));
        }

        if (zone.IsAmbiguousTime(local))
        {
            // Twice on fall-back day: the first occurrence has the larger (daylight) offset.
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            return new DateTimeOffset(local, offsets.Max());
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static DateOnly Today(DateTimeOffset nowUtc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(nowUtc, zone).DateTime);
}
