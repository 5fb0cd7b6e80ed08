using System.Globalization;

namespace RolePlay.Core.Chat;

/// <summary>How long a typed message may be, decided once for every channel and the terminal. A longer one is refused
/// with a reply saying so, never cut: a role-play turn scored on part of what the agent wrote would credit or miss
/// words they did not send. Teams (about 28 KB) and Slack (40,000 characters) let far longer messages through; the
/// studio's box stops at the same number.</summary>
public static class MessageLimit
{
    public const int MaxLength = 2000;

    /// <summary>The reply to a message over the limit, or null when it fits.</summary>
    public static string? Refusal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= MaxLength
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"That message is {text.Length:N0} characters; I read up to {MaxLength:N0}, so it didn't count. Please send it in shorter parts.");
    }
}
