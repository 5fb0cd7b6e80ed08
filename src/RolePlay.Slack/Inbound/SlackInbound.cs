using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RolePlay.Core.Chat;
using RolePlay.Slack.BlockKit;
using RolePlay.Slack.Installs;
using IInboundDedupe = RolePlay.Core.Storage.IInboundDedupe;
using InboundEventKey = RolePlay.Core.Storage.InboundEventKey;
using TenantScope = RolePlay.Core.Storage.TenantScope;

namespace RolePlay.Slack.Inbound;

/// <summary>How to answer Slack: a status and an optional JSON body (for Socket Mode: the envelope's payload).</summary>
public sealed record SlackAck(int StatusCode, JsonNode? Body = null)
{
    public static SlackAck Ok { get; } = new(200);

    public static SlackAck BadRequest(string error) => new(400, new JsonObject { ["error"] = error });
}

/// <summary>The verified-request half of the pipeline, shared by HTTP and Socket Mode: resolve the tenant, refuse
/// foreign workspaces, dedupe events, turn payloads into neutral events and queue the work; answer at once (only a
/// view submission waits briefly for the router, because its validation errors must come back synchronously).</summary>
public sealed partial class SlackInbound(
    IServiceScopeFactory scopes,
    IInboundDedupe dedupe,
    SlackWorkQueue queue,
    SlackResponder responder,
    SlackWorkspaceGuard guard,
    ISlackInstallStore installs,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackInbound> logger)
{
    public const string Platform = "slack";

    /// <summary>Slack's last retry comes about five minutes after the first attempt; keep claims well past it.</summary>
    public static readonly TimeSpan DedupeWindow = TimeSpan.FromHours(1);

    /// <summary>How long a view submission waits for the router before closing the modal and answering later.</summary>
    public static readonly TimeSpan ViewSubmissionWindow = TimeSpan.FromMilliseconds(2500);

    private static readonly SlackAck Refused = new(403, new JsonObject { ["error"] = "workspace_not_served" });
    private static readonly SlackAck Busy = new(503, new JsonObject { ["error"] = "busy" });

    public async Task<SlackAck> HandleEventAsync(JsonElement root, CancellationToken cancellationToken)
    {
        if (root.Str("type") != "event_callback")
        {
            return SlackAck.Ok;
        }

        var evt = root.Obj("event");
        var eventId = root.Str("event_id");
        var authorization = root.Array("authorizations").FirstOrDefault();
        var tenant = SlackJson.Tenant(root.Str("team_id"), authorization.Str("enterprise_id") ?? root.Str("enterprise_id"),
            authorization.True("is_enterprise_install"));
        if (evt.ValueKind != JsonValueKind.Object || string.IsNullOrEmpty(evt.Str("type")) || string.IsNullOrEmpty(eventId) || tenant is null)
        {
            return SlackAck.BadRequest("event_callback needs event.type, event_id and team_id or enterprise_id");
        }

        if (!await guard.AllowsAsync(tenant, cancellationToken))
        {
            return Refused;
        }

        // The durable claim (a write to the shared store) happens on the queue, before any side effect, not on the
        // ack path: acks stay fast under load and never wait on the store's write lock, and a retry of the same
        // event_id, here or on another instance sharing the store, still finds the claim and is dropped.
        var dedupeKey = InboundEventKey.For(new TenantScope(Platform, tenant), eventId);
        var botUserId = authorization.True("is_bot") ? authorization.Str("user_id") : null;
        var snapshot = evt.Clone();
        var teamId = root.Str("team_id");
        var work = new SlackWork($"event {eventId} ({snapshot.Str("type")})", async ct =>
            {
                if (!await dedupe.TryClaimAsync(dedupeKey, time.GetUtcNow(), DedupeWindow, ct))
                {
                    logger.LogDebug("Slack event {EventId} from {Tenant} already accepted", eventId, tenant);
                    return;
                }

                await ProcessEventAsync(tenant, teamId, snapshot, botUserId, ct);
            },
            OrderKey(tenant, snapshot.Str("user")));
        if (!queue.TryEnqueue(work))
        {
            return Busy;
        }

        return SlackAck.Ok;
    }

    public async Task<SlackAck> HandleInteractionAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        var type = payload.Str("type");
        var team = payload.Obj("team");
        var user = payload.Obj("user");
        var tenant = SlackJson.Tenant(team.Str("id"), payload.Obj("enterprise").Str("id") ?? team.Str("enterprise_id"),
            payload.True("is_enterprise_install")) ?? user.Str("team_id");
        var userId = user.Str("id");
        if (string.IsNullOrEmpty(type) || tenant is null || userId is null)
        {
            return SlackAck.BadRequest("interaction payload needs type, user.id and team or enterprise");
        }

        if (type is not ("block_actions" or "view_submission"))
        {
            return SlackAck.Ok;
        }

        if (!await guard.AllowsAsync(tenant, cancellationToken))
        {
            return Refused;
        }

        var snapshot = payload.Clone();
        return type == "block_actions"
            ? BlockActions(tenant, userId, snapshot)
            : await ViewSubmissionAsync(tenant, userId, snapshot, cancellationToken);
    }

    public async Task<SlackAck> HandleCommandAsync(IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        var command = fields.GetValueOrDefault("command");
        var userId = fields.GetValueOrDefault("user_id");
        var channelId = fields.GetValueOrDefault("channel_id");
        var tenant = SlackJson.Tenant(fields.GetValueOrDefault("team_id"), fields.GetValueOrDefault("enterprise_id"),
            fields.GetValueOrDefault("is_enterprise_install") == "true");
        if (string.IsNullOrEmpty(command) || string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(channelId) || tenant is null)
        {
            return SlackAck.BadRequest("slash command needs command, user_id, channel_id and team_id");
        }

        if (!await guard.AllowsAsync(tenant, cancellationToken))
        {
            return Refused;
        }

        var now = time.GetUtcNow();
        var message = new MessageReceived(From(tenant, userId, fields.GetValueOrDefault("user_name")),
            Address(tenant, channelId, null, fields.GetValueOrDefault("team_id")), now,
            $"{command} {fields.GetValueOrDefault("text")}".Trim());
        var target = new SlackReplyTarget(tenant, userId, channelId, TriggerId: fields.GetValueOrDefault("trigger_id"), ReceivedAt: now, Ephemeral: true);
        var routing = RouteAsync(message, CancellationToken.None);
        if (await CompletesWithinAsync(routing, options.Value.CommandAnswerWindow, cancellationToken) && routing.IsCompletedSuccessfully)
        {
            return QuickAnswer(target, routing.Result);
        }

        Enqueue(target, $"command {command} (late answer)", async ct => await responder.DeliverAsync(target with { TriggerId = null }, await routing, ct));
        return new SlackAck(200, new JsonObject { ["response_type"] = "ephemeral", ["text"] = "…" });
    }

    /// <summary>The router answered in time: its first reply goes back in the ack body (unless a form must open as a
    /// modal), the rest follows through the Web API.</summary>
    private SlackAck QuickAnswer(SlackReplyTarget target, RouterResult result)
    {
        if (result.Replies.Count == 0 && result.ReplaceCard is null)
        {
            return SlackAck.Ok;
        }

        var messages = result.Replies.Count > 0 ? SlackResponder.Render(result.Replies[0]) : [];
        if (messages.Count != 1 || result.Replies.OfType<CardOut>().Any(c => c.Card.Inputs.Any()))
        {
            Enqueue(target, "command answer", ct => responder.DeliverAsync(target, result, ct));
            return SlackAck.Ok;
        }

        var rest = result with { Replies = result.Replies.Skip(1).ToList() };
        if (rest.Replies.Count > 0 || rest.ReplaceCard is not null)
        {
            Enqueue(target, "command answer (rest)", ct => responder.DeliverAsync(target, rest, ct));
        }

        var answer = new JsonObject { ["response_type"] = "ephemeral", ["text"] = messages[0].Text };
        if (messages[0].Blocks.Count > 0)
        {
            answer["blocks"] = messages[0].Blocks.DeepClone();
        }

        return new SlackAck(200, answer);
    }

    private SlackAck BlockActions(string tenant, string userId, JsonElement payload)
    {
        var action = payload.Array("actions").FirstOrDefault();
        var actionId = action.Str("action_id");
        if (actionId is null)
        {
            return SlackAck.BadRequest("block_actions needs actions[0].action_id");
        }

        var container = payload.Obj("container");
        var view = payload.Obj("view");
        var channelId = payload.Obj("channel").Str("id") ?? container.Str("channel_id");
        var values = StateValues(payload.Obj("state").ValueKind == JsonValueKind.Object ? payload.Obj("state") : view.Obj("state"));
        foreach (var (key, value) in ActionData(action))
        {
            values[key] = value;
        }

        var now = time.GetUtcNow();
        var messageTs = container.Str("message_ts") ?? payload.Obj("message").Str("ts");
        var submitted = new CardSubmitted(From(tenant, userId, payload.Obj("user").Str("name")),
            Address(tenant, channelId ?? userId, null, payload.Obj("team").Str("id")), now,
            BlockKitRenderer.VerbOf(actionId), values, messageTs);
        var target = new SlackReplyTarget(tenant, userId, channelId, TriggerId: payload.Str("trigger_id"), ReceivedAt: now,
            MessageTs: messageTs, ViewId: view.Str("id"), ViewType: view.Str("type"), Ephemeral: container.True("is_ephemeral"));
        Enqueue(target, $"block action {actionId}", async ct => await responder.DeliverAsync(target, await RouteAsync(submitted, ct), ct));
        return SlackAck.Ok;
    }

    private async Task<SlackAck> ViewSubmissionAsync(string tenant, string userId, JsonElement payload, CancellationToken cancellationToken)
    {
        var view = payload.Obj("view");
        var values = StateValues(view.Obj("state"));
        foreach (var (key, value) in MetadataData(view.Str("private_metadata")))
        {
            values.TryAdd(key, value);
        }

        var verb = view.Str("callback_id") is { Length: > 0 } callback ? callback : "view_submission";
        var submitted = new CardSubmitted(From(tenant, userId, payload.Obj("user").Str("name")),
            Address(tenant, userId, null, payload.Obj("team").Str("id")), time.GetUtcNow(), verb, values, view.Str("id"));
        var target = new SlackReplyTarget(tenant, userId, null);
        var routing = RouteAsync(submitted, CancellationToken.None);
        if (!await CompletesWithinAsync(routing, ViewSubmissionWindow, cancellationToken) || !routing.IsCompletedSuccessfully)
        {
            Enqueue(target, $"view submission {verb} (late answer)", async ct => await responder.DeliverAsync(target, await routing, ct));
            return SlackAck.Ok;
        }

        var result = routing.Result;
        if (result.InputErrors is { Count: > 0 } errors)
        {
            var byBlock = new JsonObject();
            foreach (var (inputId, message) in errors)
            {
                byBlock[BlockKitRenderer.BlockIdFor(inputId)] = SlackText.Truncate(message, BlockKitRenderer.MaxLabel);
            }

            return new SlackAck(200, new JsonObject { ["response_action"] = "errors", ["errors"] = byBlock });
        }

        // A next form (the commitment after the feelings) continues in the same modal, as a multi-step modal does;
        // everything else is posted as messages.
        var form = result.Replies.OfType<CardOut>().FirstOrDefault(c => c.Card.Inputs.Any());
        var messages = result.Replies.Where(r => !ReferenceEquals(r, form)).ToList();
        if (messages.Count > 0)
        {
            Enqueue(target, $"view submission {verb}", ct => responder.DeliverAsync(target, new RouterResult(messages), ct));
        }

        return (form?.Card ?? result.ReplaceCard) is { } next
            ? new SlackAck(200, new JsonObject { ["response_action"] = "update", ["view"] = BlockKitRenderer.RenderModal(next) })
            : SlackAck.Ok;
    }

    private async Task ProcessEventAsync(string tenant, string? teamId, JsonElement evt, string? botUserId, CancellationToken cancellationToken)
    {
        var type = evt.Str("type");
        if (type is "app_uninstalled" or "tokens_revoked")
        {
            if (type == "app_uninstalled" || evt.Obj("tokens").Array("bot").Any())
            {
                var removed = await installs.RemoveAsync(tenant, cancellationToken);
                logger.LogInformation("Slack {Event} for {Tenant}: tokens purged ({Removed})", type, tenant, removed);
            }

            return;
        }

        botUserId ??= (await installs.FindAsync(tenant, cancellationToken))?.BotUserId;
        var user = evt.Str("user");
        if (user is null)
        {
            return;
        }

        // Our own messages and reactions come back as events; only membership events about us matter.
        var self = evt.Str("bot_id") is not null || (botUserId is not null && user == botUserId);
        if (self && type != "member_joined_channel")
        {
            return;
        }

        var at = SlackJson.Ts(evt.Str("event_ts") ?? evt.Str("ts")) ?? time.GetUtcNow();
        var channel = evt.Str("channel");
        switch (type)
        {
            case "message" when evt.Str("channel_type") == "im" && evt.Str("subtype") is null && channel is not null:
            {
                var threadTs = evt.Str("thread_ts");
                var message = new MessageReceived(From(tenant, user), Address(tenant, channel, threadTs, teamId), at, evt.Str("text") ?? "", evt.Str("ts"));
                await responder.DeliverAsync(new SlackReplyTarget(tenant, user, channel, threadTs), await RouteAsync(message, cancellationToken), cancellationToken);
                break;
            }

            case "app_mention" when channel is not null:
            {
                var threadTs = evt.Str("thread_ts") ?? evt.Str("ts");
                var text = StripMention(evt.Str("text") ?? "", botUserId);
                var message = new MessageReceived(From(tenant, user), Address(tenant, channel, threadTs, teamId), at, text, evt.Str("ts"));
                await responder.DeliverAsync(new SlackReplyTarget(tenant, user, channel, threadTs), await RouteAsync(message, cancellationToken), cancellationToken);
                break;
            }

            case "reaction_added" or "reaction_removed":
            {
                var item = evt.Obj("item");
                if (item.Str("channel") is not { } itemChannel || item.Str("ts") is not { } itemTs || evt.Str("reaction") is not { } reaction)
                {
                    return;
                }

                // The bot's own messages (relayed peer feedback among them) have no person to credit: Slack names the bot.
                var author = evt.Str("item_user") is { } itemUser && itemUser != botUserId ? itemUser : null;
                var changed = new ReactionChanged(From(tenant, user), Address(tenant, itemChannel, null, teamId), at, itemTs, reaction,
                    type == "reaction_added", author);
                await responder.DeliverAsync(new SlackReplyTarget(tenant, user, itemChannel), await RouteAsync(changed, cancellationToken), cancellationToken);
                break;
            }

            case "app_home_opened" when evt.Str("tab") == "home":
            {
                var opened = new HomeOpened(From(tenant, user), new ConversationAddress(Platform, tenant, channel ?? user, ConversationKind.Personal, TeamId: teamId), at);
                await responder.PublishHomeAsync(new SlackReplyTarget(tenant, user, channel), await RouteAsync(opened, cancellationToken), cancellationToken);
                break;
            }

            case "member_joined_channel" when self && channel is not null:
            {
                var installer = evt.Str("inviter") ?? user;
                var installed = new BotInstalled(From(tenant, installer), Address(tenant, channel, null, teamId), at);
                await responder.DeliverAsync(new SlackReplyTarget(tenant, installer, channel), await RouteAsync(installed, cancellationToken), cancellationToken);
                break;
            }

            default:
                logger.LogDebug("Slack event {Type} ignored", type);
                break;
        }
    }

    private async Task<bool> CompletesWithinAsync(Task task, TimeSpan window, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var finished = await Task.WhenAny(task, Task.Delay(window, time, timer.Token));
        await timer.CancelAsync();
        return finished == task;
    }

    private async Task<RouterResult> RouteAsync(IncomingEvent incoming, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IConversationRouter>().HandleAsync(incoming, cancellationToken);
    }

    private void Enqueue(SlackReplyTarget target, string description, Func<CancellationToken, Task> work)
    {
        if (!queue.TryEnqueue(new SlackWork(description, work, OrderKey(target.TenantId, target.UserId))))
        {
            logger.LogError("Slack work queue full or stopping: dropped {Work}", description);
        }
    }

    /// <summary>One person's work is kept in order; events without a person (uninstall) need no order.</summary>
    private static string? OrderKey(string tenant, string? user) => user is null ? null : $"{tenant}|{user}";

    private static ChannelUser From(string tenant, string userId, string? name = null) => new(Platform, tenant, userId, name);

    private static ConversationAddress Address(string tenant, string channel, string? threadTs, string? teamId) =>
        new(Platform, tenant, channel, KindOf(channel), threadTs, teamId);

    /// <summary>Slack ids say what they are: D… a DM, G… a private channel or group DM, C… a channel.</summary>
    private static ConversationKind KindOf(string channel) => channel.FirstOrDefault() switch
    {
        'D' or 'U' or 'W' => ConversationKind.Personal,
        'G' => ConversationKind.Group,
        _ => ConversationKind.Channel,
    };

    private static string StripMention(string text, string? botUserId)
    {
        var stripped = botUserId is null
            ? LeadingMention().Replace(text, "", 1)
            : text.Replace($"<@{botUserId}>", "", StringComparison.Ordinal);
        return stripped.Trim();
    }

    /// <summary>Input values of a form: <c>state.values[block_id][action_id]</c>, keyed by action id (= the card input id).</summary>
    private static Dictionary<string, string> StateValues(JsonElement state)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (state.Obj("values") is not { ValueKind: JsonValueKind.Object } blocks)
        {
            return values;
        }

        foreach (var block in blocks.EnumerateObject().Where(b => b.Value.ValueKind == JsonValueKind.Object))
        {
            foreach (var element in block.Value.EnumerateObject())
            {
                if (ElementValue(element.Value) is { } value)
                {
                    values[element.Name] = value;
                }
            }
        }

        return values;
    }

    private static string? ElementValue(JsonElement element) =>
        element.Str("value")
        ?? element.Obj("selected_option").Str("value")
        ?? element.Str("selected_date") ?? element.Str("selected_time") ?? element.Str("selected_user")
        ?? element.Str("selected_channel") ?? element.Str("selected_conversation")
        ?? (element.Array("selected_options").Any()
            ? string.Join(',', element.Array("selected_options").Select(o => o.Str("value")).OfType<string>())
            : null);

    /// <summary>A button's data: the JSON object the renderer put in its value, else the raw value.</summary>
    private static Dictionary<string, string> ActionData(JsonElement action)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        var value = action.Str("value");
        if (value is not null)
        {
            var parsed = MetadataData(value);
            if (parsed.Count > 0 || value == "{}")
            {
                return parsed;
            }

            data["value"] = value;
        }
        else if (action.Obj("selected_option").Str("value") is { } selected && action.Str("action_id") is { } id)
        {
            data[id] = selected;
        }

        return data;
    }

    private static Dictionary<string, string> MetadataData(string? json)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json) || json[0] != '{')
        {
            return data;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                data[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }
        catch (JsonException)
        {
            data.Clear();
        }

        return data;
    }

    [GeneratedRegex(@"^\s*<@[UW][A-Z0-9]+(\|[^>]*)?>")]
    private static partial Regex LeadingMention();
}
