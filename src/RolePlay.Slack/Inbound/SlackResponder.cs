using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RolePlay.Channels;
using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Slack.Api;
using RolePlay.Slack.BlockKit;

namespace RolePlay.Slack.Inbound;

/// <summary>Where the answer to one inbound Slack request goes: its workspace, person, channel and thread, plus the
/// surfaces it came from (a message to update, a view, a trigger to open a modal with).</summary>
public sealed record SlackReplyTarget(
    string TenantId, string UserId, string? ChannelId, string? ThreadTs = null,
    string? TriggerId = null, DateTimeOffset? ReceivedAt = null,
    string? MessageTs = null, string? ViewId = null, string? ViewType = null, bool Ephemeral = false);

/// <summary>The Web API calls of one answer, handed over: <see cref="Settled"/> ends when they have all been sent or given
/// up, which is when the event they answer is done.</summary>
public sealed record SlackDelivery(Task Settled)
{
    public static SlackDelivery None { get; } = new(Task.CompletedTask);
}

/// <summary>Turns a <see cref="RouterResult"/> into Web API calls. A card with inputs is opened as a modal at once, while
/// the trigger is fresh (it expires 3 s after the click and works once); everything else is handed to the
/// <see cref="ConversationOutbox"/>, one queue per conversation, so the person's lane goes on to their next event
/// instead of waiting out Slack's pace, and each call there is tried until settled (<see cref="PatientSend"/>).</summary>
public sealed class SlackResponder(IServiceProvider services, ConversationOutbox outbox, SlackRelayedAuthors relayedAuthors, TimeProvider time,
    ILogger<SlackResponder> logger)
{
    /// <summary>Slack's trigger lifetime is 3 s; leave room for the views.open round trip.</summary>
    public static readonly TimeSpan TriggerLifetime = TimeSpan.FromMilliseconds(2500);

    /// <summary>Slack cuts a message's text at 40,000 characters; cutting it ourselves keeps the ellipsis honest.</summary>
    public const int MaxMessageText = 40_000;

    /// <summary>Opens a form at once, hands the rest to the conversations' queues, and returns when it is handed over;
    /// the delivery's <see cref="SlackDelivery.Settled"/> completes when every call has been sent or given up.</summary>
    public async Task<SlackDelivery> DeliverAsync(SlackReplyTarget target, RouterResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(result);
        var replies = result.Replies.ToList();
        if (target.TriggerId is not null && target.ReceivedAt is { } received && time.GetUtcNow() - received < TriggerLifetime
            && replies.OfType<CardOut>().FirstOrDefault(c => c.Card.Inputs.Any()) is { } form)
        {
            var api = services.GetRequiredService<SlackApiClient>();
            var opened = await api.OpenViewAsync(target.TenantId, target.TriggerId, BlockKitRenderer.RenderModal(form.Card), cancellationToken);
            Log("views.open", target, opened);
            if (opened is SendOutcome.Sent)
            {
                replies.Remove(form);
            }
        }

        var settled = new List<Task>();
        // Aimed at another conversation (a team's standup channel): new messages there, in that conversation's queue.
        foreach (var elsewhere in replies.Where(r => r.Target is not null).GroupBy(r => r.Target!.ConversationId))
        {
            var there = target with { ChannelId = elsewhere.Key, ThreadTs = null, Ephemeral = false, MessageTs = null, ViewId = null, ViewType = null };
            settled.Add(await HandOverAsync(there, ct => PostAllAsync(there, [.. elsewhere], ct), cancellationToken));
        }

        var here = replies.Where(r => r.Target is null).ToList();
        if (result.ReplaceCard is not null || here.Count > 0)
        {
            settled.Add(await HandOverAsync(target, async ct =>
            {
                if (result.ReplaceCard is { } replacement)
                {
                    await ReplaceAsync(target, replacement, ct);
                }

                await PostAllAsync(target, here, ct);
            }, cancellationToken));
        }

        return new SlackDelivery(Task.WhenAll(settled));
    }

    /// <summary>Publishes the first card of the result as the person's Home tab.</summary>
    public async Task<SlackDelivery> PublishHomeAsync(SlackReplyTarget target, RouterResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(result);
        var card = result.ReplaceCard ?? result.Replies.OfType<CardOut>().FirstOrDefault()?.Card;
        return card is null
            ? SlackDelivery.None
            : new SlackDelivery(await HandOverAsync(target with { ChannelId = null, ViewType = "home" }, async ct =>
                Log("views.publish", target, await SettleAsync("views.publish", target,
                    t => Api.PublishViewAsync(target.TenantId, target.UserId, BlockKitRenderer.RenderHome(card), t), ct)), cancellationToken));
    }

    private SlackApiClient Api => services.GetRequiredService<SlackApiClient>(); // per use, so the factory recycles its handler

    /// <summary>Queues the calls behind the conversation's earlier ones; while the host stops, sends them here instead.
    /// Returns, once handed over, the task of the calls' end (settled, or failed with their exception).</summary>
    private async Task<Task> HandOverAsync(SlackReplyTarget target, Func<CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        // A DM not opened yet is the person's; a Home tab is its own surface.
        var conversation = target.ViewType == "home" ? $"{target.TenantId}|home|{target.UserId}"
            : target.ChannelId is { } channel ? $"{target.TenantId}|{channel}"
            : $"{target.TenantId}|dm|{target.UserId}";
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (outbox.TryHandOver(conversation, $"Slack reply to {target.TenantId}/{target.UserId}", async ct =>
            {
                try
                {
                    await send(ct);
                    ended.TrySetResult();
                }
                catch (Exception e)
                {
                    ended.TrySetException(e);
                    throw;
                }
            }))
        {
            return ended.Task;
        }

        await send(cancellationToken);
        return Task.CompletedTask;
    }

    private async Task PostAllAsync(SlackReplyTarget target, IReadOnlyList<Outgoing> replies, CancellationToken cancellationToken)
    {
        var channel = target.ChannelId;
        foreach (var reply in replies)
        {
            if (channel is null)
            {
                string? opened = null;
                var outcome = await SettleAsync("conversations.open", target, async t =>
                {
                    var dm = await Api.TryOpenDirectMessageAsync(target.TenantId, target.UserId, t);
                    opened = dm.ChannelId;
                    return dm.Outcome;
                }, cancellationToken);
                Log("conversations.open", target, outcome);
                if ((channel = opened) is null)
                {
                    return;
                }
            }

            var here = target with { ChannelId = channel };
            if (reply.VisibleTo is { } person && !IsDirectMessage(channel))
            {
                here = here with { UserId = person.UserId, Ephemeral = true };
            }
            else if (reply.AuthoredBy is not null)
            {
                // Spoken for someone (relayed feedback): a message for the whole conversation, even answering a slash
                // command, whose replies are otherwise only for the person who typed it.
                here = here with { Ephemeral = false };
            }

            await PostAsync(here, reply, cancellationToken);
        }
    }

    private async Task PostAsync(SlackReplyTarget target, Outgoing reply, CancellationToken cancellationToken)
    {
        var channel = target.ChannelId!;
        var method = target.Ephemeral ? "chat.postEphemeral" : "chat.postMessage";
        foreach (var message in Render(reply))
        {
            var outcome = await SettleAsync(method, target, t => target.Ephemeral
                ? Api.PostEphemeralAsync(target.TenantId, channel, target.UserId, message.Text, message.Blocks, t)
                : Api.PostMessageAsync(target.TenantId, channel, message.Text, message.Blocks, target.ThreadTs, t,
                    recipientUser: IsDirectMessage(channel) ? target.UserId : null), cancellationToken);
            Log(method, target, outcome);
            // Spoken for someone (relayed peer feedback): remembered, so a reaction to it credits them. An ephemeral
            // message cannot be reacted to.
            if (reply.AuthoredBy is { } author && !target.Ephemeral && outcome is SendOutcome.Sent { Id: { Length: > 0 } ts })
            {
                await relayedAuthors.RememberAsync(target.TenantId, channel, ts, author, cancellationToken);
            }
        }
    }

    private Task<SendOutcome> SettleAsync(string method, SlackReplyTarget target, Func<CancellationToken, Task<SendOutcome>> send,
        CancellationToken cancellationToken) =>
        PatientSend.UntilSettledAsync($"Slack {method} for {target.TenantId}/{target.UserId}", send, SlackApiClient.IsPassing,
            TimeProvider.System, logger, cancellationToken);

    /// <summary>Renders one reply: plain text is escaped (it is never markup), cards become Block Kit.</summary>
    public static IReadOnlyList<SlackMessage> Render(Outgoing reply) => reply switch
    {
        TextOut text => [new SlackMessage(SlackText.Truncate(SlackText.Escape(text.Text), MaxMessageText), [])],
        CardOut card => BlockKitRenderer.RenderMessages(card.Card),
        _ => throw new NotSupportedException($"No Slack rendering for {reply.GetType().Name}."),
    };

    private async Task ReplaceAsync(SlackReplyTarget target, Card card, CancellationToken cancellationToken)
    {
        Func<CancellationToken, Task<SendOutcome>> replace;
        if (target.ViewType == "home")
        {
            replace = t => Api.PublishViewAsync(target.TenantId, target.UserId, BlockKitRenderer.RenderHome(card), t);
        }
        else if (target.ViewType == "modal" && target.ViewId is not null)
        {
            replace = t => Api.UpdateViewAsync(target.TenantId, target.ViewId, BlockKitRenderer.RenderModal(card), t);
        }
        else if (target.MessageTs is not null && target.ChannelId is not null && !target.Ephemeral)
        {
            var message = BlockKitRenderer.RenderMessages(card)[0];
            replace = t => Api.UpdateMessageAsync(target.TenantId, target.ChannelId, target.MessageTs, message.Text, message.Blocks, t);
        }
        else
        {
            // Ephemeral messages cannot be updated through the Web API: the new card is posted instead, in its place.
            await PostAllAsync(target, [new CardOut(card)], cancellationToken);
            return;
        }

        Log("replace card", target, await SettleAsync("replace card", target, replace, cancellationToken));
    }

    /// <summary>Slack DM channel ids start with D.</summary>
    private static bool IsDirectMessage(string channel) => channel.StartsWith('D');

    private void Log(string what, SlackReplyTarget target, SendOutcome outcome)
    {
        if (outcome is not SendOutcome.Sent)
        {
            logger.LogWarning("Slack {What} for {Tenant}/{User}: {Outcome}", what, target.TenantId, target.UserId, outcome);
        }
    }
}
