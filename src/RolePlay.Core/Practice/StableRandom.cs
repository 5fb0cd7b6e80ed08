namespace RolePlay.Core.Practice;

/// <summary>What a random choice is for, so choices for different purposes in the same turn are independent.</summary>
internal enum RandomPurpose { Line = 1, WarmUp, Burst, CueCard, Lead, Manner }

/// <summary>Stateless randomness: every choice is a pure function of (seed, turn, purpose, salt), so a session
/// restored from its stored state makes exactly the choices it would have made had it never stopped.
/// FNV-1a (64-bit) is stable across processes and runtimes, unlike string.GetHashCode.</summary>
internal static class StableRandom
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Hash(int seed, int turn, RandomPurpose purpose, int salt = 0)
    {
        var hash = OffsetBasis;
        hash = Mix(hash, seed);
        hash = Mix(hash, turn);
        hash = Mix(hash, (int)purpose);
        hash = Mix(hash, salt);
        // A final avalanche so neighbouring seeds do not give neighbouring low bits.
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        return hash;
    }

    /// <summary>A number in [0, count).</summary>
    public static int Below(int count, int seed, int turn, RandomPurpose purpose, int salt = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return (int)(Hash(seed, turn, purpose, salt) % (ulong)count);
    }

    private static ulong Mix(ulong hash, int value)
    {
        for (var shift = 0; shift < 32; shift += 8)
        {
            hash ^= (byte)(value >> shift);
            hash *= Prime;
        }

        return hash;
    }
}
