using System.Text.Json.Serialization;
using RolePlay.Core.Cards;

namespace RolePlay.Core.Chat;

/// <summary>Who someone is on a chat platform. Every stored key starts from this tenant-scoped triple.</summary>
/// <param name="TenantId">The Entra tenant id (Teams), the workspace/enterprise id (Slack), "local" (studio).</param>
public sealed record ChannelUser(Platform Platform, string TenantId, string UserId, string? DisplayName = null);

public enum ConversationKind { Personal, Group, Channel }

/// <summary>Where a message came from and where replies go, in platform-neutral terms. Channel projects keep
/// their own richer references (a Teams serviceUrl, a Slack thread ts) keyed by these ids.</summary>
public sealed record ConversationAddress(Platform Platform, string TenantId, string ConversationId, ConversationKind Kind,
    string? ThreadId = null, string? TeamId = null);

/// <summary>Something a person did in a chat, after the channel adapter verified and de-duplicated it.</summary>
public abstract record IncomingEvent(ChannelUser From, ConversationAddress Conversation, DateTimeOffset At)
{
    /// <summary>Set by a channel that keeps its events durably (the Slack inbox); null where none is kept.</summary>
    public EventDelivery? Delivery { get; init; }

    /// <summary>Shows the person the bot typing while an answer is made, where the channel can (Teams' typing
    /// activity; the studio's page shows its own indicator); set by the channel adapter for a message, never kept.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Func<CancellationToken, Task>? ShowTyping { get; init; }
}

/// <summary>Which delivery of an event this is. <see cref="Id"/> is unique per person and kept across attempts;
/// <see cref="Again"/> says an earlier attempt was cut off (a crash) before its answer was recorded, so what it stored
/// may already hold this event.</summary>
public sealed record EventDelivery(string Id, bool Again);

/// <summary>A typed message (in channels: one that mentioned the bot, with the mention already stripped).</summary>
public sealed record MessageReceived(ChannelUser From, ConversationAddress Conversation, DateTimeOffset At, string Text,
    string? MessageId = null)
    : IncomingEvent(From, Conversation, At);

/// <summary>A card action: <see cref="Verb"/> is the <see cref="SubmitAction.Verb"/>; <see cref="Values"/> holds the
/// action's data merged with the card's input values.</summary>
public sealed record CardSubmitted(ChannelUser From, ConversationAddress Conversation, DateTimeOffset At, string Verb,
    IReadOnlyDictionary<string, string> Values, string? CardMessageId = null)
    : IncomingEvent(From, Conversation, At);

/// <summary>A reaction added to or removed from a message. <see cref="Reaction"/> is the platform's name for it
/// (a Slack emoji name, a Teams reaction type).</summary>
public sealed record ReactionChanged(ChannelUser From, ConversationAddress Conversation, DateTimeOffset At, string MessageId,
    string Reaction, bool Added, string? MessageAuthorId = null)
    : IncomingEvent(From, Conversation, At);

/// <summary>The bot was installed for a person or added to a team/chat; the person is whoever installed it.</summary>
public sealed record BotInstalled(ChannelUser From, ConversationAddress Conversation, DateTimeOffset At)
    : IncomingEvent(From, Conversation, At);

/// <summary>A person opened the bot's home (Slack App Home); the answer is a home card.</summary>
public sealed record HomeOpened(ChannelUser From, ConversationAddress Conversation, DateTimeOffset At)
    : IncomingEvent(From, Conversation, At);

/// <summary>What the bot says back, in order. By default a reply goes to the conversation the event came from.
/// <see cref="Target"/> sends it to another conversation instead (a transcript shared from a personal chat to the team's
/// channel); <see cref="VisibleTo"/> shows it only to that person (a Slack ephemeral message; on Teams, their personal
/// chat). Both are deliberately minimal: an adapter that does not honour them yet still posts the reply where the
/// event came from. <see cref="AuthoredBy"/> says the bot posts the message on that person's behalf (relayed peer
/// feedback): the platform names the bot as a reacted-to bot message's author (or nobody), so the adapter remembers
/// whom the message speaks for, and a reaction to the relay counts for that person.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(TextOut), "text")]
[JsonDerivedType(typeof(CardOut), "card")]
public abstract record Outgoing
{
    public ConversationAddress? Target { get; init; }

    public ChannelUser? VisibleTo { get; init; }

    public ChannelUser? AuthoredBy { get; init; }
}

/// <summary>Plain text. On the customer's lines <see cref="Customer"/> says who speaks and their words apart from the
/// "Jake: …" the text carries for chat platforms, so a channel that draws speakers (the studio) need not parse it.</summary>
public sealed record TextOut(string Text) : Outgoing
{
    public CustomerLine? Customer { get; init; }
}

/// <summary>One line of the customer persona: their full name and what they said. <see cref="Pause"/>: how long they are
/// shown typing before it (<see cref="Practice.TypingPause"/>), where the channel can show typing (Teams, the studio).</summary>
public sealed record CustomerLine(string Name, string Words)
{
    public TimeSpan Pause { get; init; }
}

public sealed record CardOut(Card Card) : Outgoing;

/// <summary>The router's answer to one event. <see cref="ReplaceCard"/> replaces the card that was acted on (a Teams
/// invoke response, a Slack message update); <see cref="InputErrors"/> refuses a card submission with a message per
/// input id (Slack <c>response_action: errors</c>, an Adaptive Card re-sent with messages).</summary>
public sealed record RouterResult(
    IReadOnlyList<Outgoing> Replies,
    Card? ReplaceCard = null,
    IReadOnlyDictionary<string, string>? InputErrors = null)
{
    public static RouterResult Nothing { get; } = new([]);

    public static RouterResult Say(string text) => new([new TextOut(text)]);

    public static RouterResult Show(Card card) => new([new CardOut(card)]);

    /// <summary>A form answer refused: the form stays open with the message under the input.</summary>
    public static RouterResult Refuse(string inputId, string message) =>
        new([], InputErrors: new Dictionary<string, string> { [inputId] = message });
}

/// <summary>The single entry point every channel calls with a verified, de-duplicated event.</summary>
public interface IConversationRouter
{
    Task<RouterResult> HandleAsync(IncomingEvent incoming, CancellationToken cancellationToken);
}
