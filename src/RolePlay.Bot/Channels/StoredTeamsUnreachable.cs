using RolePlay.Core.Settings;
using RolePlay.Core.Storage;
using RolePlay.Teams.Outbound;

namespace RolePlay.Bot.Channels;

/// <summary>Marks a Teams person unreachable in the bot's store when the connector refuses their 1:1 chat.</summary>
internal sealed class StoredTeamsUnreachable(Reachability reachability) : IUnreachableRecipients
{
    public async ValueTask MarkAsync(UnreachableRecipient recipient, CancellationToken cancellationToken) =>
        await reachability.MarkUnreachableAsync(new PersonKey("teams", recipient.TenantId, recipient.UserId), cancellationToken).ConfigureAwait(false);
}
