using RolePlay.AdaptiveCards;
using RolePlay.Core.Cards;
using RolePlay.Teams.Protocol;

namespace RolePlay.Teams.Cards;

/// <summary>A rendered Adaptive Card in the Bot Framework shapes Teams takes it in.</summary>
public static class AdaptiveCardPayloads
{
    /// <summary>The card as a message attachment.</summary>
    public static Attachment ToAttachment(Card card, IReadOnlyDictionary<string, string>? inputErrors = null) =>
        new() { ContentType = AdaptiveCardRenderer.ContentType, Content = AdaptiveCardRenderer.Render(card, inputErrors) };

    /// <summary>The card as the answer to an <c>adaptiveCard/action</c> invoke (it replaces the acted-on card).</summary>
    public static AdaptiveCardInvokeResponse ToInvokeResponse(Card card, IReadOnlyDictionary<string, string>? inputErrors = null) =>
        new() { StatusCode = 200, Type = AdaptiveCardInvokeResponse.CardType, Value = AdaptiveCardRenderer.Render(card, inputErrors) };
}
