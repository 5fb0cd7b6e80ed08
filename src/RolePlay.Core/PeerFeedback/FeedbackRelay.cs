using RolePlay.Core.Chat;

namespace RolePlay.Core.PeerFeedback;

/// <summary>Peer feedback given through the bot: "feedback &lt;text&gt;" (or "fb &lt;text&gt;") in a channel, a group
/// chat or a shared transcript's thread is posted back there as "Feedback from &lt;name&gt;: &lt;text&gt;", marked as
/// authored by the peer. Teams only tells the bot about reactions to its own messages, so this relay is what a
/// manager reacts to when recognising the feedback; the mark is how the reaction reaches the peer.</summary>
public static class FeedbackRelay
{
    public const string Usage = "Give feedback with “feedback <what you noticed>”, e.g. “feedback You named the customer's worry before fixing anything.”";

    private static readonly string[] Verbs = ["feedback", "fb"];

    /// <summary>The relay for a feedback message, or null when the message is not one.</summary>
    public static RouterResult? TryRelay(MessageReceived message)
    {
        if (FeedbackText(message.Text) is not { } text)
        {
            return null;
        }

        if (text.Length == 0)
        {
            return new RouterResult([new TextOut(Usage)]);
        }

        var name = string.IsNullOrWhiteSpace(message.From.DisplayName) ? "a teammate" : message.From.DisplayName.Trim();
        return new RouterResult([new TextOut($"Feedback from {name}: {text}") { AuthoredBy = message.From }]);
    }

    /// <summary>The text after the verb ("" when there is none), or null when the message does not start with it.
    /// A Slack "/practice feedback …" arrives with its command word.</summary>
    private static string? FeedbackText(string message)
    {
        var text = message.Trim();
        if (text.StartsWith("/practice ", StringComparison.OrdinalIgnoreCase))
        {
            text = text["/practice ".Length..].TrimStart();
        }

        foreach (var verb in Verbs)
        {
            if (text.StartsWith(verb, StringComparison.OrdinalIgnoreCase)
                && (text.Length == verb.Length || char.IsWhiteSpace(text[verb.Length]) || text[verb.Length] == ':'))
            {
                return text[verb.Length..].TrimStart(':').Trim();
            }
        }

        return null;
    }
}
