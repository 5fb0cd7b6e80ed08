using System.Collections.Concurrent;
using RolePlay.Core.Storage;
using RolePlay.Teams.Inbound;

namespace RolePlay.Bot.Channels;

/// <summary>Keeps where each Teams person (their 1:1 chat) and each team conversation can be reached, so scheduled
/// routines can send proactively. The newest serviceUrl wins: Teams may move a conversation.</summary>
/// <remarks>Every inbound activity reports its reference, but it almost never changes; writing it each time would add
/// a fourth storage round trip (and a disk sync) to every message. So an unchanged reference is written again only
/// after <see cref="Refresh"/>, which also heals a write another replica made with an older serviceUrl.</remarks>
internal sealed class StoredTeamsReferences(IConversationReferenceStore store, TimeProvider time) : IConversationReferenceSink
{
    private static readonly TimeSpan Refresh = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<(string Tenant, string Owner), Written> _written = new();

    public async ValueTask SaveAsync(TeamsConversationReference reference, CancellationToken cancellationToken)
    {
        var owner = reference.ConversationType == "personal" ? reference.UserId : reference.ConversationId;
        var now = time.GetUtcNow();
        var key = (reference.TenantId, owner);
        if (_written.TryGetValue(key, out var last) && last.Reference == reference && now - last.AtUtc < Refresh)
        {
            return;
        }

        await store.SaveAsync(new ConversationReference(
            new TenantScope("teams", reference.TenantId),
            owner,
            reference.ConversationId,
            reference.ServiceUrl,
            reference.BotId,
            now), cancellationToken).ConfigureAwait(false);
        _written[key] = new Written(reference, now);
    }

    private sealed record Written(TeamsConversationReference Reference, DateTimeOffset AtUtc);
}
