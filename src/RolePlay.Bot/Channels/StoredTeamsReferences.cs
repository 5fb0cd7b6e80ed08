using RolePlay.Core.Storage;
using RolePlay.Teams.Inbound;

namespace RolePlay.Bot.Channels;

/// <summary>Keeps where each Teams person (their 1:1 chat) and each team conversation can be reached, so scheduled
/// routines can send proactively. The newest serviceUrl wins: Teams may move a conversation.</summary>
internal sealed class StoredTeamsReferences(IConversationReferenceStore store, TimeProvider time) : IConversationReferenceSink
{
    public async ValueTask SaveAsync(TeamsConversationReference reference, CancellationToken cancellationToken)
    {
        var owner = reference.ConversationType == "personal" ? reference.UserId : reference.ConversationId;
        await store.SaveAsync(new ConversationReference(
            new TenantScope("teams", reference.TenantId),
            owner,
            reference.ConversationId,
            reference.ServiceUrl,
            reference.BotId,
            time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
    }
}
