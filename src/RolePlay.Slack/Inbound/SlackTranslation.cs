using RolePlay.Core.Chat;
namespace RolePlay.Slack.Inbound;

/// <summary>What the translator knows beyond the payload: the bot's own user id (to tell its own messages apart and
/// strip its mention) and the time, for payloads that carry none.</summary>
public sealed record SlackContext(string? BotUserId, DateTimeOffset Now);

/// <summary>What one Slack payload means for the product.</summary>
public abstract record SlackTranslation;

/// <summary>A neutral event for the router and where its answer goes; <see cref="PublishesHome"/>: the answer is the
/// person's Home tab, not a message.</summary>
public sealed record SlackRouted(IncomingEvent Event, SlackReplyTarget Target, bool PublishesHome = false) : SlackTranslation;

/// <summary>Nothing for the router: the bot's own echo, a kind it does not handle, a field it needs is absent.</summary>
public sealed record SlackIgnored(string Reason) : SlackTranslation;

/// <summary>The payload cannot be what Slack sends for its kind; the request is refused with this problem.</summary>
public sealed record SlackInvalid(string Problem) : SlackTranslation;

/// <summary>The workspace's bot token is gone (<c>app_uninstalled</c>, <c>tokens_revoked</c> naming bot tokens): its
/// install must be purged.</summary>
public sealed record SlackTokensGone(string TenantId, string EventType) : SlackTranslation;
