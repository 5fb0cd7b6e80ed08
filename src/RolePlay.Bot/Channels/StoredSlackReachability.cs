using Microsoft.Extensions.Logging;
using RolePlay.Core.Chat;
using RolePlay.Core.Settings;
using RolePlay.Core.Storage;
using RolePlay.Slack.Api;
using RolePlay.Slack.Inbound;

namespace RolePlay.Bot.Channels;

/// <summary>Slack said a person is gone (<c>account_inactive</c>, <c>user_not_found</c>): the person is marked
/// unreachable in the store so routines stop writing to them. Channel recipients are not people and are only logged.</summary>
internal sealed class StoredSlackReachability(IPeopleStore people, TimeProvider time, ILogger<StoredSlackReachability> logger)
    : ISlackUnreachableRecipients
{
    public async Task MarkUnreachableAsync(string tenantId, string recipient, string error, CancellationToken cancellationToken)
    {
        if (!IsUserId(recipient))
        {
            logger.LogWarning("Slack {Error} for {Tenant}/{Recipient}, which is not a person", error, tenantId, recipient);
            return;
        }

        var key = new PersonKey(SlackInbound.Platform, tenantId, recipient);
        var person = await people.GetAsync(key, cancellationToken).ConfigureAwait(false)
            ?? PersonSettings.NewPerson(new ChannelUser(SlackInbound.Platform, tenantId, recipient));
        await people.SaveAsync(PersonSettings.MarkUnreachable(person, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Slack {Error}: {Tenant}/{User} marked unreachable", error, tenantId, recipient);
    }

    /// <summary>Slack user ids start with U (or W in Enterprise Grid).</summary>
    private static bool IsUserId(string id) => id.Length > 1 && id[0] is 'U' or 'W';
}
