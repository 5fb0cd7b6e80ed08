using RolePlay.Channels;
using RolePlay.Core.Storage;
using RolePlay.Teams.Inbound;
using RolePlay.Teams.Outbound;

namespace RolePlay.Bot.Channels;

/// <summary>Keeps where each Teams person (their 1:1 chat) and each team conversation can be reached, so scheduled
/// routines can send proactively, plus each tenant's own row (<see cref="TeamsProactiveSender.TenantOwner"/>: its
/// serviceUrl and bot) so a 1:1 chat can be created with someone the bot has not met. The newest serviceUrl wins:
/// Teams may move a conversation. A channel is kept under its own id, without the thread a message came from, since
/// routines post to the channel. A person's Entra object id is kept as their alias, so an Entra web sign-in (which names
/// the object id, not the Bot Framework id) finds the same person.</summary>
/// <remarks>Every inbound activity reports its reference, but it almost never changes; writing it each time would add
/// a fourth storage round trip (and a disk sync) to every message. So an unchanged reference is written again only
/// after <see cref="Refresh"/>, which also heals a write another replica made with an older serviceUrl.</remarks>
internal sealed class StoredTeamsReferences(IDeliveryAddressStore store, IPersonAliasStore aliases, TimeProvider time)
    : IConversationReferenceSink
{
    private static readonly TimeSpan Refresh = TimeSpan.FromHours(1);
    /// <summary>Rows this process wrote; past this many it starts again (a forgotten one is written once more).</summary>
    private const int MaxRemembered = 100_000;

    private readonly RecentMap<(string Tenant, string Owner), Written> _written = new(MaxRemembered);

    public async ValueTask SaveAsync(TeamsConversationReference reference, CancellationToken cancellationToken)
    {
        var personal = reference.ConversationType == "personal";
        var conversationId = personal ? reference.ConversationId : Teams.Protocol.ThreadedConversationId.Channel(reference.ConversationId);
        var owner = personal ? reference.UserId : conversationId;
        var written = await WriteAsync(reference.TenantId, owner, new Written(reference.ServiceUrl, conversationId, reference.BotId), cancellationToken)
            .ConfigureAwait(false);
        if (personal && written && reference.UserAadObjectId is { Length: > 0 } objectId)
        {
            await aliases.SaveAsync(new PersonKey(ActivityTranslator.Platform, reference.TenantId, reference.UserId), objectId, cancellationToken).ConfigureAwait(false);
        }

        await WriteAsync(reference.TenantId, TeamsProactiveSender.TenantOwner, new Written(reference.ServiceUrl, TeamsProactiveSender.TenantOwner, reference.BotId),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the row unless this host wrote the same one within <see cref="Refresh"/>; true when it wrote.</summary>
    private async ValueTask<bool> WriteAsync(string tenant, string owner, Written row, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var key = (tenant, owner);
        if (_written.TryGetValue(key, out var last) && last == row with { AtUtc = last.AtUtc } && now - last.AtUtc < Refresh)
        {
            return false;
        }

        await store.SaveAsync(new DeliveryAddress(new TenantScope(ActivityTranslator.Platform, tenant), owner, row.ConversationId, row.ServiceUrl, row.BotId, now),
            cancellationToken).ConfigureAwait(false);
        _written.Set(key, row with { AtUtc = now });
        return true;
    }

    private sealed record Written(string ServiceUrl, string ConversationId, string BotId, DateTimeOffset AtUtc = default);
}
