namespace RolePlay.Core.Routines;

/// <summary>How the routine engine behaves (configuration section <c>Routines</c>). The defaults suit a chat bot:
/// a message up to two hours late is still welcome, one older than that would arrive at the wrong moment.</summary>
public sealed class RoutineOptions
{
    public const string Section = "Routines";

    /// <summary>False: no scheduler runs (tests that drive the runner themselves, a host that only answers).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>An occasion missed by less than this (downtime, throttling) is sent late; an older one is skipped.</summary>
    public TimeSpan MisfireWindow { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long a claim protects an occasion: a claim older than this was left by a crashed host and is
    /// taken over. Longer than any one send takes (senders pace and retry within seconds).</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts per occasion (first send, throttled retries, take-overs) before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Sends in flight at once for one routine in one minute; channel senders pace themselves below it.</summary>
    public int MaxConcurrentSends { get; set; } = 32;

    /// <summary>Minutes further back than this are not even planned after a long outage (the cursor jumps).</summary>
    public TimeSpan MaxCatchUp { get; set; } = TimeSpan.FromDays(8);

    /// <summary>Every this many weeks an opted-in person is asked whether they still want daily prompts.</summary>
    public int ConsentCheckWeeks { get; set; } = 6;

    /// <summary>What is wrong with these settings, each naming its setting; empty when they are usable.</summary>
    public IEnumerable<string> Problems()
    {
        if (MisfireWindow <= TimeSpan.Zero)
        {
            yield return $"{Section}:{nameof(MisfireWindow)} must be positive (e.g. 02:00:00).";
        }

        if (ClaimLease <= TimeSpan.Zero)
        {
            yield return $"{Section}:{nameof(ClaimLease)} must be positive (e.g. 00:02:00).";
        }

        if (MaxAttempts < 1)
        {
            yield return $"{Section}:{nameof(MaxAttempts)} must be at least 1.";
        }

        if (MaxConcurrentSends < 1)
        {
            yield return $"{Section}:{nameof(MaxConcurrentSends)} must be at least 1.";
        }

        if (MaxCatchUp < MisfireWindow)
        {
            yield return $"{Section}:{nameof(MaxCatchUp)} must be at least the misfire window.";
        }

        if (ConsentCheckWeeks < 1)
        {
            yield return $"{Section}:{nameof(ConsentCheckWeeks)} must be at least 1.";
        }
    }
}
