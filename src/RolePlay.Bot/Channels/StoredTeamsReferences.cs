using System.Collections.Concurrent;
using RolePlay.Core.Storage;
using RolePlay.Teams.Inbound;

namespace RolePlay.Bot.Channels;

/// <summary>Keeps where each Teams person (their 1:1 chat) and each team conversation can be reached, so scheduled
/// routines can send proactively. The newest serviceUrl wins: Teams may move a conversation. A reference is written
/// only when it changes, so the per-message hot path stays within its store round trips.</summary>
internal sealed class StoredTeamsReferences(IConversationReferenceStore store, TimeProvider time) : IConversationReferenceSink
{
    private readonly ConcurrentDictionary<(string Tenant, string Owner), (string Conversation, string ServiceUrl)> _written = new();

    public async ValueTask SaveAsync(TeamsConversationReference reference, CancellationToken cancellationToken)
    {
        var owner = reference.ConversationType == "personal" ? reference.UserId : reference.ConversationId;
        var key = (reference.TenantId, owner);
        var value = (reference.ConversationId, reference.ServiceUrl);
        if (_written.TryGetValue(key, out var known) && known == value)
        {
            return;
        }

        await store.SaveAsync(new ConversationReference(
            new TenantScope("teams", reference.TenantId),
            owner,
            reference.ConversationId,
            reference.ServiceUrl,
            reference.BotId,
            time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        _written[key] = value;
    }
}
