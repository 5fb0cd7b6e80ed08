using RolePlay.Core.Chat;

namespace RolePlay.Core.Clips;

/// <summary>A voice file someone sent the bot, as their channel describes it: where it is fetched from (the URL the
/// platform gave, never one from a card) and its name. What the sender declares is never trusted to accept a file (the
/// bytes are sniffed when it is kept); <see cref="DeclaredBytes"/> (Slack states a size) only turns one away early.</summary>
public sealed record ClipFile(string Url, string Name, long? DeclaredBytes = null);

/// <summary>An audio file sent to the bot in a personal chat (Teams' file download info, Slack's <c>file_share</c>):
/// answered with a consent card, kept as a clip only once its sender chooses who may hear it.</summary>
public sealed record AudioFileReceived(ChannelUser From, ConversationAddress Conversation, DateTimeOffset At, ClipFile File)
    : IncomingEvent(From, Conversation, At);
