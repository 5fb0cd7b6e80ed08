using RolePlay.Core.Content;

namespace RolePlay.Core.Practice;

/// <summary>How long the customer is shown typing before a line appears: paced to their network and to the line's
/// length, and longer when they go quiet first. The engine decides it, so every channel that can show typing (Teams'
/// typing activity, the studio's indicator) keeps the same pace, and a test can read it.</summary>
public static class TypingPause
{
    /// <summary>Bursts on a patchy connection land close together, whatever their length.</summary>
    private static readonly TimeSpan Patchy = TimeSpan.FromMilliseconds(250);

    /// <summary>Before the first character: a poor connection takes longer to get going.</summary>
    private static readonly TimeSpan GoodStart = TimeSpan.FromMilliseconds(400);

    private static readonly TimeSpan PoorStart = TimeSpan.FromMilliseconds(700);

    private static readonly TimeSpan PerCharacter = TimeSpan.FromMilliseconds(8);

    /// <summary>Long enough to read as typing, short enough that a practice between calls never drags.</summary>
    private static readonly TimeSpan Longest = TimeSpan.FromMilliseconds(1400);

    /// <summary>A customer going quiet takes noticeably longer to answer.</summary>
    public static readonly TimeSpan Hesitation = TimeSpan.FromMilliseconds(2200);

    public static TimeSpan Before(string words, NetworkQuality network, bool hesitates)
    {
        ArgumentNullException.ThrowIfNull(words);
        var typing = network == NetworkQuality.Patchy
            ? Patchy
            : TimeSpan.FromTicks(Math.Min(((network == NetworkQuality.Poor ? PoorStart : GoodStart) + PerCharacter * words.Length).Ticks, Longest.Ticks));
        return hesitates ? typing + Hesitation : typing;
    }
}
