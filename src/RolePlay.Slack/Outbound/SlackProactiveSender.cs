using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RolePlay.Core;
using RolePlay.Core.Chat;
using RolePlay.Core.Routines;
using RolePlay.Core.Storage;
using RolePlay.Slack.Api;
using RolePlay.Slack.Inbound;

namespace RolePlay.Slack.Outbound;

/// <summary>Bot-initiated Slack messages for routines, with the workspace's own bot token (from its install). A
/// person is reached in their DM: its channel id is opened once (conversations.open) and kept in the reference store
/// (owner = user id), so later days cost one chat.postMessage each. A channel gets a new message, or a reply under
/// <see cref="RoutineTarget.Channel.ThreadId"/>. Messages are rendered as replies are (<see cref="SlackResponder.Render"/>)
/// and paced by <see cref="SlackPacer"/> inside <see cref="SlackApiClient"/>; one spoken for someone
/// (<see cref="Outgoing.AuthoredBy"/>) is remembered as theirs (<see cref="SlackRelayedAuthors"/>).</summary>
public sealed class SlackProactiveSender(
    IServiceProvider services,
    IDeliveryAddressStore addresses,
    SlackRelayedAuthors relayedAuthors,
    TimeProvider time,
    ILogger<SlackProactiveSender> logger) : IProactiveSender
{
    public Platform Platform => SlackInbound.Platform;

    public async Task<ProactiveOutcome> SendAsync(RoutineTarget to, IReadOnlyList<Outgoing> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(to);
        if (to.Tenant.Platform != Platform)
        {
            throw new ArgumentException($"A {to.Tenant.Platform} target cannot be sent through Slack.", nameof(to));
        }

        // The typed client is resolved per use, as the responder does, so its handler is recycled by the factory.
        var api = services.GetRequiredService<SlackApiClient>();
        var tenantId = to.Tenant.TenantId;
        string channel;
        string? threadTs = null;
        string? person = null;
        switch (to)
        {
            case RoutineTarget.Person target:
                var opened = await DirectMessageAsync(api, target.Key, ct).ConfigureAwait(false);
                if (opened.ChannelId is null)
                {
                    return opened.Outcome.ToProactiveOutcome();
                }

                (channel, person) = (opened.ChannelId, target.Key.UserId);
                break;
            case RoutineTarget.Channel target:
                (channel, threadTs) = (target.ChannelId, target.ThreadId);
                break;
            default:
                throw new NotSupportedException($"No Slack address for {to.GetType().Name}.");
        }

        var parts = messages.SelectMany(m => SlackResponder.Render(m).Select(message => (Message: message, m.AuthoredBy)));
        return await OrderedSend.SendAsync(parts, async (part, token) =>
            {
                var outcome = await api.PostMessageAsync(tenantId, channel, part.Message.Text, part.Message.Blocks, threadTs, token, recipientUser: person)
                    .ConfigureAwait(false);
                // Spoken for someone (a notice a manager may recognise): remembered, so a reaction to it credits them.
                if (part.AuthoredBy is { } author && outcome is SendOutcome.Sent { Id: { Length: > 0 } ts })
                {
                    await relayedAuthors.RememberAsync(tenantId, channel, ts, author, token).ConfigureAwait(false);
                }

                return outcome;
            },
            to.RecipientId, logger, ct).ConfigureAwait(false);
    }

    private async Task<DirectMessage> DirectMessageAsync(SlackApiClient api, PersonKey person, CancellationToken ct)
    {
        if (await addresses.GetAsync(person.Tenant, person.UserId, ct).ConfigureAwait(false) is { } known)
        {
            return new DirectMessage(new SendOutcome.Sent(null), known.ConversationId);
        }

        var opened = await api.TryOpenDirectMessageAsync(person.Tenant.TenantId, person.UserId, ct).ConfigureAwait(false);
        if (opened.ChannelId is { } channel)
        {
            await addresses.SaveAsync(new DeliveryAddress(person.Tenant, person.UserId, channel, null, null, time.GetUtcNow()), ct)
                .ConfigureAwait(false);
        }

        return opened;
    }
}
