using RolePlay.Core.Scheduling;
using RolePlay.Core.Storage;

namespace RolePlay.Core.Routines;

/// <summary>A person's own settings for the team routines: their shift end ("shift 17:30" / "shift off") and the
/// people they are never paired with ("no-pair @someone" / "no-pair clear").</summary>
public static class RoutineSettings
{
    public const int MaxPairExclusions = 20;

    public static PersonRecord WithShiftEnd(PersonRecord person, TimeOnly? end, DateTimeOffset now)
    {
        var updated = person with { ShiftEnd = end };
        return updated with { NextShiftEndUtc = ShiftSchedule.Next(updated, now) };
    }

    /// <summary>Adds an exclusion; false when the list is full or the person names themselves.</summary>
    public static bool TryExclude(PersonRecord person, string userId, out PersonRecord updated)
    {
        var current = person.PairExclusions ?? [];
        updated = person;
        if (userId == person.Key.UserId || (current.Count >= MaxPairExclusions && !current.Contains(userId)))
        {
            return false;
        }

        updated = person with { PairExclusions = current.Append(userId).Distinct(StringComparer.Ordinal).ToArray() };
        return true;
    }

    public static PersonRecord ClearExclusions(PersonRecord person) => person with { PairExclusions = null };

    /// <summary>Someone a routine may write to now: opted in, not paused, reachable.</summary>
    public static bool IsActive(PersonRecord person, DateTimeOffset now) =>
        person is { Consent: ConsentState.OptedIn, UnreachableSinceUtc: null } && !(person.PausedUntilUtc is { } until && until > now);
}
