using Microsoft.Extensions.Options;
using RolePlay.Core.Chat;
using RolePlay.Core.Storage;
using RolePlay.Teams.Protocol;

namespace RolePlay.Teams.Inbound;

/// <summary>A Teams <c>messageReaction</c> names the reactor and the message, never its author, and Teams only reports
/// reactions to the bot's own messages. So when the bot posts a message on someone's behalf (relayed peer feedback) it
/// remembers who, and a reaction to that message is credited to them. Knows nothing of what a reaction means.</summary>
public sealed class RelayedAuthors(IMessageAuthorStore store, IOptions<TeamsOptions> options, TimeProvider time)
{
    /// <summary>Remembers that the activity the connector returned speaks for <paramref name="author"/>.</summary>
    public Task RememberAsync(string tenantId, string conversationId, string activityId, ChannelUser author, CancellationToken ct)
    {
        var tenant = new TenantScope(ActivityTranslator.Platform, tenantId);
        var expires = time.GetUtcNow() + options.Value.RelayedAuthorRetention;
        return store.SaveAsync(new MessageAuthor(tenant, ThreadedConversationId.Channel(conversationId), activityId, new PersonKey(tenant, author.UserId), expires), ct);
    }

    /// <summary>The events with each reaction's <see cref="ReactionChanged.MessageAuthorId"/> filled in where the
    /// message is one the bot relayed. One point read per reacted-to message; nothing read for other activities.</summary>
    public async Task<IReadOnlyList<IncomingEvent>> CreditAsync(string tenantId, IReadOnlyList<IncomingEvent> events, CancellationToken ct)
    {
        if (!events.Any(e => e is ReactionChanged { MessageAuthorId: null }))
        {
            return events;
        }

        var tenant = new TenantScope(ActivityTranslator.Platform, tenantId);
        var authors = new Dictionary<(string, string), string?>();
        var credited = new List<IncomingEvent>(events.Count);
        foreach (var incoming in events)
        {
            if (incoming is not ReactionChanged { MessageAuthorId: null } reaction)
            {
                credited.Add(incoming);
                continue;
            }

            var key = (ThreadedConversationId.Channel(reaction.Conversation.ConversationId), reaction.MessageId);
            if (!authors.TryGetValue(key, out var author))
            {
                author = (await store.GetAsync(tenant, key.Item1, key.MessageId, time.GetUtcNow(), ct).ConfigureAwait(false))?.UserId;
                authors[key] = author;
            }

            credited.Add(reaction with { MessageAuthorId = author });
        }

        return credited;
    }
}
