using RolePlay.Channels;
using RolePlay.Core;
using RolePlay.Core.Settings;
using RolePlay.Core.Storage;

namespace RolePlay.Bot.Channels;

/// <summary>Marks a person the Teams connector or the Slack Web API says is gone as unreachable in the bot's store,
/// through Core's <see cref="Reachability"/>: once (the first refusal's date is the one that matters), re-read and
/// re-applied on a concurrency conflict, since a settings save may cross it. A person the bot never stored is left
/// alone: nothing is scheduled for them, and a profile created only to say so would hold someone who never opted in;
/// if they write to the bot later they start reachable anyway.</summary>
internal sealed partial class StoredUnreachableRecipients(Reachability reachability, ILogger<StoredUnreachableRecipients> logger)
    : IUnreachableRecipients
{
    public async ValueTask MarkAsync(UnreachableRecipient recipient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        await reachability.MarkUnreachableAsync(new PersonKey(recipient.Platform, recipient.TenantId, recipient.UserId), cancellationToken)
            .ConfigureAwait(false);
        LogMarked(logger, recipient.Platform, recipient.TenantId, recipient.UserId, recipient.Reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Platform} says {Tenant}/{User} is gone ({Reason}): marked unreachable")]
    private static partial void LogMarked(ILogger logger, Platform platform, string tenant, string user, string reason);
}
