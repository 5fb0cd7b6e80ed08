using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RolePlay.Core.Chat;
using RolePlay.Core.Storage;

namespace RolePlay.Slack.Inbound;

/// <summary>A Slack reaction names the message's author in <c>item_user</c>, but a message the bot posts on someone's
/// behalf (relayed peer feedback, <see cref="Outgoing.AuthoredBy"/>) names the bot. So the bot remembers whom such a
/// message speaks for, by (workspace, channel, ts) — a ts is unique within its channel, threads included — and a
/// reaction to it is credited to them. Knows nothing of what a reaction means.</summary>
public sealed class SlackRelayedAuthors(IMessageAuthorStore store, IOptions<SlackOptions> options, TimeProvider time,
    ILogger<SlackRelayedAuthors> logger)
{
    /// <summary>Remembers that the message chat.postMessage answered with <paramref name="ts"/> speaks for
    /// <paramref name="author"/>. The message is out already: a store that cannot take this costs only the credit.</summary>
    public async Task RememberAsync(string tenantId, string channelId, string ts, ChannelUser author, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(author);
        var tenant = new TenantScope(SlackInbound.Platform, tenantId);
        var expires = time.GetUtcNow() + options.Value.RelayedAuthorRetention;
        try
        {
            await store.SaveAsync(new MessageAuthor(tenant, channelId, ts, new PersonKey(tenant, author.UserId), expires), ct).ConfigureAwait(false);
        }
        catch (StorageUnavailableException e)
        {
            logger.LogWarning("Slack message {Tenant}/{Channel}/{Ts} speaks for someone, but the store could not remember whom ({Problem}); a reaction to it credits nobody",
                tenantId, channelId, ts, e.Message);
        }
    }

    /// <summary>The event with a reaction's <see cref="ReactionChanged.MessageAuthorId"/> filled in where the message is
    /// one the bot posted for someone. The translator leaves the author out only for the bot's own messages (or an
    /// <c>item_user</c> Slack left out), so only those cost a point read; other events pass through untouched.</summary>
    public async Task<IncomingEvent> CreditAsync(IncomingEvent incoming, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        if (incoming is not ReactionChanged { MessageAuthorId: null } reaction)
        {
            return incoming;
        }

        var tenant = new TenantScope(SlackInbound.Platform, reaction.Conversation.TenantId);
        var author = await store.GetAsync(tenant, reaction.Conversation.ConversationId, reaction.MessageId, time.GetUtcNow(), ct).ConfigureAwait(false);
        return author is null ? reaction : reaction with { MessageAuthorId = author.UserId };
    }
}
