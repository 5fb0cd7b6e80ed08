using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RolePlay.Core;
using RolePlay.Core.Chat;
using RolePlay.Core.Routines;
using RolePlay.Core.Storage;
using RolePlay.Teams.Inbound;
using RolePlay.Teams.Protocol;

namespace RolePlay.Teams.Outbound;

/// <summary>Bot-initiated Teams messages for routines. A person is reached in their 1:1 chat: the stored reference
/// (owner = their user id), else a 1:1 chat created on the tenant's connector and stored for next time. A channel is
/// reached through its stored reference: a new post, or a reply under <see cref="RoutineTarget.Channel.ThreadId"/>.
/// Messages are rendered as replies are (<see cref="OutgoingActivities"/>) and paced by <see cref="ConnectorClient"/>.</summary>
public sealed class TeamsProactiveSender(
    IDeliveryAddressStore addresses,
    ConnectorClient connector,
    IOptions<TeamsOptions> options,
    TimeProvider time,
    ILogger<TeamsProactiveSender> logger) : IProactiveSender
{
    /// <summary>The owner id of a tenant's own row in the reference store: where its connector (serviceUrl) and the
    /// bot were last seen, so a 1:1 chat can be created with someone who never wrote to the bot. Teams ids always
    /// carry a prefix ("29:", "19:", "a:"), so this never meets a real owner.</summary>
    public const string TenantOwner = "~tenant";

    public Platform Platform => ActivityTranslator.Platform;

    public async Task<ProactiveOutcome> SendAsync(RoutineTarget to, IReadOnlyList<Outgoing> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(to);
        if (to.Tenant.Platform != Platform)
        {
            throw new ArgumentException($"A {to.Tenant.Platform} target cannot be sent through Teams.", nameof(to));
        }

        var (reference, threadId, problem) = to switch
        {
            RoutineTarget.Person person => await PersonalChatAsync(person.Key, ct).ConfigureAwait(false),
            RoutineTarget.Channel channel => await ChannelAsync(channel, ct).ConfigureAwait(false),
            _ => throw new NotSupportedException($"No Teams address for {to.GetType().Name}."),
        };
        if (reference is null)
        {
            return problem!;
        }

        return await OrderedSend.SendAsync(messages.Select(OutgoingActivities.Render), (activity, token) => threadId is null
                ? connector.SendAsync(reference, activity, token)
                : connector.ReplyAsync(reference, threadId, activity, token),
            to.RecipientId, logger, ct).ConfigureAwait(false);
    }

    private async Task<Reach> PersonalChatAsync(PersonKey person, CancellationToken ct)
    {
        var stored = await addresses.GetAsync(person.Tenant, person.UserId, ct).ConfigureAwait(false);
        if (stored is null)
        {
            var home = await addresses.GetAsync(person.Tenant, TenantOwner, ct).ConfigureAwait(false);
            if (home?.Endpoint is not { Length: > 0 } serviceUrl)
            {
                return Reach.Failed($"No 1:1 chat with {person.UserId} and no connector known for tenant {person.Tenant.TenantId}.");
            }

            var created = await connector.CreatePersonalConversationAsync(serviceUrl, person.Tenant.TenantId, person.UserId, ct).ConfigureAwait(false);
            if (created.Outcome is not Sent { Id: { Length: > 0 } conversationId })
            {
                return new Reach(null, null, created.Outcome is Sent ? new ProactiveOutcome.Failed("The connector created no conversation id.") : created.Outcome.ToProactiveOutcome());
            }

            stored = new DeliveryAddress(person.Tenant, person.UserId, conversationId, created.Value?.ServiceUrl ?? serviceUrl,
                home.BotId ?? "28:" + options.Value.MicrosoftAppId, time.GetUtcNow());
            await addresses.SaveAsync(stored, ct).ConfigureAwait(false);
        }

        // A personal conversation naming its person is what lets a MessageWritesBlocked refusal mark them unreachable.
        return new Reach(Reference(stored, "personal", new ChannelAccount { Id = person.UserId }), null, null);
    }

    private async Task<Reach> ChannelAsync(RoutineTarget.Channel channel, CancellationToken ct)
    {
        // A thread's conversation id carries its root ("19:…@thread.tacv2;messageid=…"); a new post goes to the channel.
        var bare = ThreadedConversationId.Channel(channel.ChannelId);
        var stored = await addresses.GetAsync(channel.Scope, bare, ct).ConfigureAwait(false)
            ?? (bare == channel.ChannelId ? null : await addresses.GetAsync(channel.Scope, channel.ChannelId, ct).ConfigureAwait(false));
        if (stored?.Endpoint is null)
        {
            return Reach.Failed($"No conversation reference for channel {channel.ChannelId}.");
        }

        // A reply names its thread in the conversation id too, as Teams does for every message inside a thread.
        var conversationId = ThreadedConversationId.Of(bare, channel.ThreadId);
        return new Reach(Reference(stored with { ConversationId = conversationId }, "channel", null), channel.ThreadId, null);
    }

    private static ConversationReference Reference(DeliveryAddress stored, string conversationType, ChannelAccount? user) => new()
    {
        ServiceUrl = stored.Endpoint,
        ChannelId = "msteams",
        Bot = new ChannelAccount { Id = stored.BotId },
        User = user,
        Conversation = new ConversationAccount { Id = stored.ConversationId, TenantId = stored.Tenant.TenantId, ConversationType = conversationType },
    };

    private sealed record Reach(ConversationReference? Reference, string? ThreadId, ProactiveOutcome? Problem)
    {
        public static Reach Failed(string error) => new(null, null, new ProactiveOutcome.Failed(error));
    }
}
