using RolePlay.Core.Chat;
using RolePlay.Teams.Cards;
using RolePlay.Teams.Protocol;

namespace RolePlay.Teams.Outbound;

/// <summary>The one Teams rendering of a channel-neutral message, shared by replies and proactive sends: text as
/// plain text (never markup), a card as an Adaptive Card attachment.</summary>
public static class OutgoingActivities
{
    public static Activity Render(Outgoing message) => message switch
    {
        TextOut text => new Activity { Type = ActivityTypes.Message, Text = text.Text, TextFormat = "plain" },
        CardOut card => Card(card.Card, null),
        _ => throw new NotSupportedException($"No Teams rendering for {message.GetType().Name}."),
    };

    public static Activity Card(Core.Cards.Card card, IReadOnlyDictionary<string, string>? inputErrors) =>
        new() { Type = ActivityTypes.Message, Attachments = [AdaptiveCardPayloads.ToAttachment(card, inputErrors)] };
}
