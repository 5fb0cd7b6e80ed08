using System.Text.RegularExpressions;
using RolePlay.Core.Chat;
using RolePlay.Core.Clips;
using RolePlay.Slack.Inbound.Payloads;

namespace RolePlay.Slack.Inbound;

/// <summary>Turns Slack payloads into the channel-neutral events the router understands, with where the answer goes.
/// Pure: no I/O, no services; the context brings the bot's user id and the time.</summary>
public static partial class SlackTranslator
{
    public static SlackTranslation Translate(SlackEventCallback callback, SlackContext context)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentNullException.ThrowIfNull(context);
        if (callback.Tenant is not { } tenant)
        {
            return new SlackInvalid("event_callback needs team_id or enterprise_id");
        }

        var evt = callback.Event;
        switch (evt)
        {
            case SlackAppUninstalledEvent:
                return new SlackTokensGone(tenant, "app_uninstalled");
            case SlackTokensRevokedEvent revoked:
                return revoked.Bot.Count > 0 ? new SlackTokensGone(tenant, "tokens_revoked") : new SlackIgnored("only user tokens were revoked");
        }

        var botUserId = context.BotUserId;
        if (evt.User is not { } user)
        {
            return new SlackIgnored($"{evt.GetType().Name} without user");
        }

        // Our own messages and reactions come back as events; only membership events about us matter.
        var self = evt.BotId is not null || (botUserId is not null && user == botUserId);
        if (self && evt is not SlackMemberJoinedChannelEvent)
        {
            return new SlackIgnored("the bot's own event");
        }

        var at = SlackJson.Ts(evt.EventTs ?? evt.Ts) ?? context.Now;
        var teamId = callback.TeamId;
        switch (evt)
        {
            case SlackMessageEvent { ChannelType: "im", Subtype: null, Channel: { } channel } message:
                return new SlackRouted(new MessageReceived(From(tenant, user), Address(tenant, channel, message.ThreadTs, teamId), at, SlackMarkup.Neutral(message.Text ?? ""), evt.Ts),
                    new SlackReplyTarget(tenant, user, channel, message.ThreadTs));

            case SlackMessageEvent { ChannelType: "im", Subtype: "file_share", Channel: { } channel } shared when AudioFiles(shared) is { Count: > 0 } files:
                return new SlackRouted(new AudioFileReceived(From(tenant, user), Address(tenant, channel, shared.ThreadTs, teamId), at, files[0]),
                    new SlackReplyTarget(tenant, user, channel, shared.ThreadTs));

            case SlackAppMentionEvent { Channel: { } channel } mention:
            {
                var threadTs = mention.ThreadTs ?? evt.Ts;
                var text = SlackMarkup.Neutral(StripMention(mention.Text ?? "", botUserId));
                return new SlackRouted(new MessageReceived(From(tenant, user), Address(tenant, channel, threadTs, teamId), at, text, evt.Ts),
                    new SlackReplyTarget(tenant, user, channel, threadTs));
            }

            case SlackReactionEvent { Item: { Channel: { } itemChannel, Ts: { } itemTs }, Reaction: { } reaction } changed:
            {
                // On the bot's own messages Slack names the bot (or nobody): no author here, so the dispatcher looks up
                // whether the message spoke for someone (SlackRelayedAuthors), and otherwise nobody is credited.
                var author = changed.ItemUser is { } itemUser && itemUser != botUserId ? itemUser : null;
                return new SlackRouted(new ReactionChanged(From(tenant, user), Address(tenant, itemChannel, null, teamId), at, itemTs, SlackMarkup.EmojiName(reaction),
                    changed.Added, author), new SlackReplyTarget(tenant, user, itemChannel));
            }

            case SlackAppHomeOpenedEvent { Tab: "home" } home:
                return new SlackRouted(new HomeOpened(From(tenant, user),
                        new ConversationAddress(SlackInbound.Platform, tenant, home.Channel ?? user, ConversationKind.Personal, TeamId: teamId), at),
                    new SlackReplyTarget(tenant, user, home.Channel), PublishesHome: true);

            case SlackMemberJoinedChannelEvent { Channel: { } channel } joined when self:
            {
                var installer = joined.Inviter ?? user;
                return new SlackRouted(new BotInstalled(From(tenant, installer), Address(tenant, channel, null, teamId), at),
                    new SlackReplyTarget(tenant, installer, channel));
            }

            default:
                return new SlackIgnored($"{evt.GetType().Name} is not handled in this form");
        }
    }

    /// <summary>The shared files a clip can be: an audio mimetype and a private URL to fetch it from. One clip per
    /// message: Slack sends the files of one message together, and one consent card answers one file.</summary>
    public static IReadOnlyList<ClipFile> AudioFiles(SlackMessageEvent message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return [.. message.Files
            .Where(f => f.Mimetype?.StartsWith("audio/", StringComparison.OrdinalIgnoreCase) == true && (f.UrlPrivateDownload ?? f.UrlPrivate) is { Length: > 0 })
            .Select(f => new ClipFile((f.UrlPrivateDownload ?? f.UrlPrivate)!, string.IsNullOrWhiteSpace(f.Name) ? "your file" : f.Name, f.Size))];
    }

    private static ChannelUser From(string tenant, string userId, string? name = null) => new(SlackInbound.Platform, tenant, userId, name);

    private static ConversationAddress Address(string tenant, string channel, string? threadTs, string? teamId) =>
        new(SlackInbound.Platform, tenant, channel, KindOf(channel), threadTs, teamId);

    /// <summary>Slack ids say what they are: D… a DM, G… a private channel or group DM, C… a channel.</summary>
    private static ConversationKind KindOf(string channel) => channel.FirstOrDefault() switch
    {
        'D' or 'U' or 'W' => ConversationKind.Personal,
        'G' => ConversationKind.Group,
        _ => ConversationKind.Channel,
    };

    private static string StripMention(string text, string? botUserId)
    {
        var stripped = botUserId is null
            ? LeadingMention().Replace(text, "", 1)
            : text.Replace($"<@{botUserId}>", "", StringComparison.Ordinal);
        return stripped.Trim();
    }

    [GeneratedRegex(@"^\s*<@[UW][A-Z0-9]+(\|[^>]*)?>")]
    private static partial Regex LeadingMention();
}
