using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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

/// <summary>Turns a <see cref="RouterResult"/> into Web API calls. A card with inputs is opened as a modal first while
/// the trigger is fresh (it expires 3 s after the click and works once), before any slower call.</summary>
public sealed class SlackResponder(IServiceProvider services, TimeProvider time, ILogger<SlackResponder> logger)
{
    /// <summary>Slack's trigger lifetime is 3 s; leave room for the views.open round trip.</summary>
    public static readonly TimeSpan TriggerLifetime = TimeSpan.FromMilliseconds(2500);

    /// <summary>Slack cuts a message's text at 40,000 characters; cutting it ourselves keeps the ellipsis honest.</summary>
    public const int MaxMessageText = 40_000;

    public async Task DeliverAsync(SlackReplyTarget target, RouterResult result, CancellationToken cancellationToken)
    {
        var api = services.GetRequiredService<SlackApiClient>();
        var replies = result.Replies.ToList();

        if (target.TriggerId is not null && target.ReceivedAt is { } received && time.GetUtcNow() - received < TriggerLifetime
            && replies.OfType<CardOut>().FirstOrDefault(c => c.Card.Inputs.Any()) is { } form)
        {
            var opened = await api.OpenViewAsync(target.TenantId, target.TriggerId, BlockKitRenderer.RenderModal(form.Card), cancellationToken);
            Log("views.open", target, opened);
            if (opened is SendOutcome.Sent)
            {
                replies.Remove(form);
            }
        }

        if (result.ReplaceCard is { } replacement)
        {
            await ReplaceAsync(api, target, replacement, cancellationToken);
        }

        string? channel = target.ChannelId;
        foreach (var reply in replies)
        {
            if (reply.Target is { } elsewhere)
            {
                // Aimed at another conversation (a team's standup channel): a new message there, not a thread reply.
                await PostAsync(api, target with { ChannelId = elsewhere.ConversationId, ThreadTs = null, Ephemeral = false }, reply, cancellationToken);
                continue;
            }

            channel ??= await api.OpenDirectMessageAsync(target.TenantId, target.UserId, cancellationToken);
            var here = target with { ChannelId = channel };
            if (reply.VisibleTo is { } person && !IsDirectMessage(channel))
            {
                here = here with { UserId = person.UserId, Ephemeral = true };
            }

            await PostAsync(api, here, reply, cancellationToken);
        }
    }

    private async Task PostAsync(SlackApiClient api, SlackReplyTarget target, Outgoing reply, CancellationToken cancellationToken)
    {
        var channel = target.ChannelId!;
        foreach (var message in Render(reply))
        {
            var outcome = target.Ephemeral
                ? await api.PostEphemeralAsync(target.TenantId, channel, target.UserId, message.Text, message.Blocks, cancellationToken)
                : await api.PostMessageAsync(target.TenantId, channel, message.Text, message.Blocks, target.ThreadTs, cancellationToken,
                    recipientUser: IsDirectMessage(channel) ? target.UserId : null);
            Log(target.Ephemeral ? "chat.postEphemeral" : "chat.postMessage", target, outcome);
        }
    }

    /// <summary>Publishes the first card of the result as the person's Home tab.</summary>
    public async Task PublishHomeAsync(SlackReplyTarget target, RouterResult result, CancellationToken cancellationToken)
    {
        var card = result.ReplaceCard ?? result.Replies.OfType<CardOut>().FirstOrDefault()?.Card;
        if (card is null)
        {
            return;
        }

        var api = services.GetRequiredService<SlackApiClient>();
        Log("views.publish", target, await api.PublishViewAsync(target.TenantId, target.UserId, BlockKitRenderer.RenderHome(card), cancellationToken));
    }

    /// <summary>Renders one reply: plain text is escaped (it is never markup), cards become Block Kit.</summary>
    public static IReadOnlyList<SlackMessage> Render(Outgoing reply) => reply switch
    {
        TextOut text => [new SlackMessage(SlackText.Truncate(SlackText.Escape(text.Text), MaxMessageText), [])],
        CardOut card => BlockKitRenderer.RenderMessages(card.Card),
        _ => throw new NotSupportedException($"No Slack rendering for {reply.GetType().Name}."),
    };

    private async Task ReplaceAsync(SlackApiClient api, SlackReplyTarget target, Card card, CancellationToken cancellationToken)
    {
        SendOutcome outcome;
        if (target.ViewType == "home")
        {
            outcome = await api.PublishViewAsync(target.TenantId, target.UserId, BlockKitRenderer.RenderHome(card), cancellationToken);
        }
        else if (target.ViewType == "modal" && target.ViewId is not null)
        {
            outcome = await api.UpdateViewAsync(target.TenantId, target.ViewId, BlockKitRenderer.RenderModal(card), cancellationToken);
        }
        else if (target.MessageTs is not null && target.ChannelId is not null && !target.Ephemeral)
        {
            var message = BlockKitRenderer.RenderMessages(card)[0];
            outcome = await api.UpdateMessageAsync(target.TenantId, target.ChannelId, target.MessageTs, message.Text, message.Blocks, cancellationToken);
        }
        else
        {
            // Ephemeral messages cannot be updated through the Web API: send the new card instead.
            await DeliverAsync(target with { TriggerId = null }, new RouterResult([new CardOut(card)]), cancellationToken);
            return;
        }

        Log("replace card", target, outcome);
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
