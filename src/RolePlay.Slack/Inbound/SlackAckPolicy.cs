using System.Text.Json.Nodes;
using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Slack.BlockKit;

namespace RolePlay.Slack.Inbound;

/// <summary>An answer that fits in the ack, and what of the router's result is left to deliver through the Web API.</summary>
public sealed record SlackQuickAnswer(SlackAck Ack, RouterResult? Rest = null);

/// <summary>What Slack gets back in the HTTP response (or the Socket Mode envelope ack), from refusals to the router's
/// first reply. Pure: it decides bodies, the dispatcher delivers what is left.</summary>
public static class SlackAckPolicy
{
    /// <summary>A workspace this bot does not serve (403; the endpoint adds X-Slack-No-Retry).</summary>
    public static SlackAck WorkspaceRefused { get; } = new(403, new JsonObject { ["error"] = "workspace_not_served" });

    /// <summary>The person's lane is full or shutting down: non-2xx, so Slack retries events later.</summary>
    public static SlackAck Busy { get; } = new(503, new JsonObject { ["error"] = "busy" });

    /// <summary>The event could not be stored in the inbox: non-2xx, so Slack retries it instead of it being lost.</summary>
    public static SlackAck StoreUnavailable { get; } = new(503, new JsonObject { ["error"] = "store_unavailable" });

    /// <summary>A slash command whose answer is not ready within the window: a placeholder, the answer follows.</summary>
    public static SlackAck CommandInterim() => new(200, new JsonObject { ["response_type"] = "ephemeral", ["text"] = "…" });

    /// <summary>The router answered a slash command in time: its first reply goes back in the ack body (unless a form
    /// must open as a modal, which needs the trigger and views.open, or the reply speaks for someone, which is posted
    /// for everyone with chat.postMessage so its ts is learnt), the rest follows through the Web API.</summary>
    public static SlackQuickAnswer CommandAnswer(RouterResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Replies.Count == 0 && result.ReplaceCard is null)
        {
            return new SlackQuickAnswer(SlackAck.Ok);
        }

        var messages = result.Replies.Count > 0 ? SlackResponder.Render(result.Replies[0]) : [];
        if (messages.Count != 1 || result.Replies[0].AuthoredBy is not null || result.Replies.OfType<CardOut>().Any(c => c.Card.Inputs.Any()))
        {
            return new SlackQuickAnswer(SlackAck.Ok, result);
        }

        var rest = result with { Replies = result.Replies.Skip(1).ToList() };
        var answer = new JsonObject { ["response_type"] = "ephemeral", ["text"] = messages[0].Text };
        if (messages[0].Blocks.Count > 0)
        {
            answer["blocks"] = messages[0].Blocks.DeepClone();
        }

        return new SlackQuickAnswer(new SlackAck(200, answer), rest.Replies.Count > 0 || rest.ReplaceCard is not null ? rest : null);
    }

    /// <summary>The router answered a view submission in time: refused inputs come back as <c>response_action: errors</c>
    /// keyed by block id; a next form (the commitment after the feelings) continues in the same modal with
    /// <c>response_action: update</c>, as a multi-step modal does; everything else is posted as messages.</summary>
    public static SlackQuickAnswer ViewAnswer(RouterResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.InputErrors is { Count: > 0 } errors)
        {
            var byBlock = new JsonObject();
            foreach (var (inputId, message) in errors)
            {
                byBlock[BlockKitRenderer.BlockIdFor(inputId)] = SlackText.Truncate(message, BlockKitRenderer.MaxLabel);
            }

            return new SlackQuickAnswer(new SlackAck(200, new JsonObject { ["response_action"] = "errors", ["errors"] = byBlock }));
        }

        var form = result.Replies.OfType<CardOut>().FirstOrDefault(c => c.Card.Inputs.Any());
        var messages = result.Replies.Where(r => !ReferenceEquals(r, form)).ToList();
        var ack = (form?.Card ?? result.ReplaceCard) is { } next
            ? new SlackAck(200, new JsonObject { ["response_action"] = "update", ["view"] = BlockKitRenderer.RenderModal(next) })
            : SlackAck.Ok;
        return new SlackQuickAnswer(ack, messages.Count > 0 ? new RouterResult(messages) : null);
    }
}
