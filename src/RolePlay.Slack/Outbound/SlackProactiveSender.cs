using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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
/// and paced by <see cref="SlackPacer"/> inside <see cref="SlackApiClient"/>.</summary>
public sealed partial class SlackProactiveSender(
    IServiceProvider services,
    IConversationReferenceStore references,
    TimeProvider time,
    ILogger<SlackProactiveSender> logger) : IProactiveSender
{
    public string Platform => SlackInbound.Platform;

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
                    return Map(opened.Outcome);
                }

                (channel, person) = (opened.ChannelId, target.Key.UserId);
                break;
            case RoutineTarget.Channel target:
                (channel, threadTs) = (target.ChannelId, target.ThreadId);
                break;
            default:
                throw new NotSupportedException($"No Slack address for {to.GetType().Name}.");
        }

        string? firstTs = null;
        var delivered = 0;
        foreach (var message in messages.SelectMany(SlackResponder.Render))
        {
            var outcome = await api.PostMessageAsync(tenantId, channel, message.Text, message.Blocks, threadTs, ct, recipientUser: person)
                .ConfigureAwait(false);
            if (outcome is not SendOutcome.Sent sent)
            {
                if (delivered == 0)
                {
                    return Map(outcome);
                }

                // The recipient already has the first part; sending everything again later would repeat it.
                LogPartial(logger, to.RecipientId, delivered, outcome.ToString());
                break;
            }

            firstTs ??= sent.Ts;
            delivered++;
        }

        return new ProactiveOutcome.Sent(firstTs);
    }

    private async Task<DirectMessage> DirectMessageAsync(SlackApiClient api, PersonKey person, CancellationToken ct)
    {
        if (await references.GetAsync(person.Tenant, person.UserId, ct).ConfigureAwait(false) is { } known)
        {
            return new DirectMessage(new SendOutcome.Sent(null), known.ConversationId);
        }

        var opened = await api.TryOpenDirectMessageAsync(person.Tenant.TenantId, person.UserId, ct).ConfigureAwait(false);
        if (opened.ChannelId is { } channel)
        {
            await references.SaveAsync(new ConversationReference(person.Tenant, person.UserId, channel, null, null, time.GetUtcNow()), ct)
                .ConfigureAwait(false);
        }

        return opened;
    }

    private static ProactiveOutcome Map(SendOutcome outcome) => outcome switch
    {
        SendOutcome.Sent sent => new ProactiveOutcome.Sent(sent.Ts),
        SendOutcome.Throttled throttled => new ProactiveOutcome.Throttled(throttled.RetryAfter),
        SendOutcome.Unreachable gone => new ProactiveOutcome.Unreachable(gone.Error),
        SendOutcome.Failed failed => new ProactiveOutcome.Failed(failed.Error),
        _ => new ProactiveOutcome.Failed(outcome.ToString()),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack routine message to {Recipient}: {Delivered} part(s) sent, then {Outcome}")]
    private static partial void LogPartial(ILogger logger, string recipient, int delivered, string outcome);
}
