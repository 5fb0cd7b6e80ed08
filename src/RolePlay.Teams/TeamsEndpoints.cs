using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RolePlay.Channels;
using RolePlay.Channels.Inbound;
using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Core.Storage;
using RolePlay.Teams.Auth;
using RolePlay.Teams.Cards;
using RolePlay.Teams.Inbound;
using RolePlay.Teams.Outbound;
using RolePlay.Teams.Protocol;

namespace RolePlay.Teams;

/// <summary><c>POST /api/messages</c>: read (size limit, parse) → verify (JWT or loopback) → read (required fields) →
/// allow (tenant allow-list) → translate → dedupe → enrich → route → respond. Every stop before routing ends the request
/// with a 4xx (or a 200 for what is ignored or already accepted) and nothing processed.</summary>
public static partial class TeamsEndpoints
{
    public const string MessagesPath = "/api/messages";

    /// <summary>Maps the messaging endpoint; served without an app id, it says so loudly, once, as it is mapped (so a
    /// deployment that does not serve Teams never warns about it).</summary>
    public static IEndpointConventionBuilder MapTeamsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        if (services.GetRequiredService<IOptions<TeamsOptions>>().Value.IsLocalMode)
        {
            LogLocalMode(services.GetRequiredService<ILoggerFactory>().CreateLogger("RolePlay.Teams.LocalMode"));
        }

        return endpoints.MapPost(MessagesPath, (HttpContext context) => context.RequestServices.GetRequiredService<TeamsPipeline>().ProcessAsync(context));
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "TEAMS LOCAL MODE: no Teams:MicrosoftAppId is set, so /api/messages does NOT authenticate callers and sends no token. " +
                  "Only loopback callers with a loopback serviceUrl are accepted. Never run like this in production.")]
    private static partial void LogLocalMode(ILogger logger);
}

/// <summary>The inbound steps, named as in <see cref="InboundStep"/>, so policy stays out of the practice handlers. Teams
/// translates before it claims the activity: translation is pure, so a malformed activity is refused before any claim.</summary>
public sealed partial class TeamsPipeline(
    IOptions<TeamsOptions> options,
    BotTokenValidator validator,
    DedupeStep dedupe,
    IConversationReferenceSink references,
    RelayedAuthors relayedAuthors,
    IConversationRouter router,
    ConnectorClient connector,
    ConversationOutbox outbox,
    TeamsInbox inbox,
    TimeProvider time,
    ILogger<TeamsPipeline> logger)
{
    private readonly TeamsOptions _options = options.Value;

    public async Task ProcessAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var body = await BoundedBody.ReadAsync(context.Request, _options.MaxRequestBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            Stop(context, StatusCodes.Status413PayloadTooLarge, new InboundStop(InboundStep.Read, $"body over {_options.MaxRequestBytes} bytes"));
            return;
        }

        var activity = Parse(body);
        if (activity?.Type is not { Length: > 0 })
        {
            Stop(context, StatusCodes.Status400BadRequest, new InboundStop(InboundStep.Read, "body is not an activity with a type"));
            return;
        }

        var auth = await AuthenticateAsync(context, activity, cancellationToken).ConfigureAwait(false);
        if (!auth.IsValid)
        {
            Stop(context, StatusCodes.Status401Unauthorized, new InboundStop(InboundStep.Verify, auth.Failure ?? "not authenticated"));
            return;
        }

        if (!ActivityTranslator.IsHandled(activity))
        {
            Stop(context, StatusCodes.Status200OK, InboundStop.Ignored(InboundStep.Translate, $"{activity.Type} activities are not handled"));
            return;
        }

        var channelData = activity.ReadTeamsChannelData();
        if (ActivityTranslator.FindMissingField(activity, channelData) is { } missing)
        {
            Stop(context, StatusCodes.Status400BadRequest, new InboundStop(InboundStep.Read, $"{activity.Type} activity without a usable {missing}"));
            return;
        }

        var tenant = ActivityTranslator.TenantOf(activity, channelData)!;
        if (_options.AllowedTenants.Count > 0 && !_options.AllowedTenants.Contains(tenant, StringComparer.OrdinalIgnoreCase))
        {
            Stop(context, StatusCodes.Status403Forbidden, new InboundStop(InboundStep.Allow, $"tenant {tenant} is not in Teams:AllowedTenants"));
            return;
        }

        using var scope = InboundScope.Begin(logger, ActivityTranslator.Platform, tenant, activity.Id);
        var translation = ActivityTranslator.Translate(activity, channelData, time.GetUtcNow());
        if (translation.Problem is { } problem)
        {
            Stop(context, StatusCodes.Status400BadRequest, new InboundStop(InboundStep.Translate, $"{activity.Type} activity without {problem}"));
            return;
        }

        var key = DedupeKey(activity, tenant);
        var duplicate = await dedupe.ProcessOnceAsync(key, _options.DedupeWindow, async ct =>
            {
                var kept = key is not null && await inbox.TryAcceptAsync(key, System.Text.Encoding.UTF8.GetString(body), ct).ConfigureAwait(false) ? key : null;
                try
                {
                    var reference = await EnrichReferenceAsync(activity, tenant, ct).ConfigureAwait(false);
                    var events = Delivered(await relayedAuthors.CreditAsync(tenant, translation.Events, ct).ConfigureAwait(false), kept, again: false);
                    await RouteAndRespondAsync(context, new Answering(activity, reference.ToBotFramework(), kept), events, ct).ConfigureAwait(false);
                }
                catch when (kept is not null)
                {
                    // The request fails and its claim is released: Teams' retry is the one to handle it.
                    await inbox.DoneAsync(kept).ConfigureAwait(false);
                    throw;
                }
            },
            cancellationToken).ConfigureAwait(false);
        if (duplicate is not null)
        {
            Stop(context, StatusCodes.Status200OK, duplicate with { Reason = $"activity {activity.Id} {duplicate.Reason}" });
        }
    }

    private void Stop(HttpContext context, int status, InboundStop stop)
    {
        stop.Log(logger, ActivityTranslator.Platform);
        context.Response.StatusCode = status;
    }

    /// <summary>Enrich: where this person and conversation can be reached, kept for proactive messages.</summary>
    private async Task<TeamsConversationReference> EnrichReferenceAsync(Activity activity, string tenant, CancellationToken cancellationToken)
    {
        var reference = ReferenceOf(activity, tenant);
        await references.SaveAsync(reference, cancellationToken).ConfigureAwait(false);
        return reference;
    }

    /// <summary>Route and respond: a card action is answered in the invoke response, everything else with messages.
    /// Either way the messages leave through the conversation's queue in the <see cref="ConversationOutbox"/>: the
    /// request is answered once the turn is stored, never after Teams' outgoing pace, and a message that cannot be sent
    /// yet is tried again there (<see cref="PatientSend"/>) instead of being lost with the request. Before the request is
    /// answered the answer is recorded (<see cref="TeamsInbox"/>), so a crash before it is all sent loses none of it.</summary>
    private async Task RouteAndRespondAsync(HttpContext context, Answering answering, IReadOnlyList<IncomingEvent> events,
        CancellationToken cancellationToken)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        if (ActivityTranslator.IsCardAction(answering.Activity))
        {
            var result = await router.HandleAsync(events.Single(), cancellationToken).ConfigureAwait(false);
            var (answer, rest) = InvokeAnswer(result);
            var later = new RouterResult(rest);
            answering = await RecordAsync(answering, later, cancellationToken).ConfigureAwait(false);

            // Teams shows the invoke answer as soon as it has it; the further replies follow it, never overtake it.
            var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            context.Response.OnCompleted(() => Task.FromResult(answered.TrySetResult()));
            var replying = answering;
            var handedOver = TryHandOver(answering, async ct =>
            {
                await answered.Task.WaitAsync(ct).ConfigureAwait(false);
                await SendAsync(replying, later, ct).ConfigureAwait(false);
            });
            await context.Response.WriteAsJsonAsync(answer, TeamsJsonContext.Default.AdaptiveCardInvokeResponse, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            if (!handedOver)
            {
                await context.Response.CompleteAsync().ConfigureAwait(false);
                await SendKeptAsync(answering, ct => SendAsync(replying, later, ct), cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var typing = answering;
        var all = await RouteAllAsync(answering.Activity, [.. events.Select(e => e is MessageReceived
            ? e with { ShowTyping = ct => SendTypingAsync(typing, ct) }
            : e)], cancellationToken).ConfigureAwait(false);
        answering = await RecordAsync(answering, all, cancellationToken).ConfigureAwait(false);
        var sending = answering;
        if (!TryHandOver(answering, ct => SendAsync(sending, all, ct)))
        {
            await SendKeptAsync(answering, ct => SendAsync(sending, all, ct), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>An activity a crashed or stopped instance recorded and did not answer: its recorded answer is sent; with
    /// none, it is routed now, as delivered again (a scene that already took it answers as it did then).</summary>
    public async Task AnswerAgainAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var activity = Parse(System.Text.Encoding.UTF8.GetBytes(entry.Payload));
        var channelData = activity?.ReadTeamsChannelData();
        if (activity is null || channelData is null || ActivityTranslator.TenantOf(activity, channelData) is not { } tenant)
        {
            await inbox.DoneAsync(entry.Key).ConfigureAwait(false); // unreadable: nothing can answer it (never stored so)
            return;
        }

        using var scope = InboundScope.Begin(logger, ActivityTranslator.Platform, tenant, activity.Id);
        var answering = new Answering(activity, ReferenceOf(activity, tenant).ToBotFramework(), entry.Key);
        RouterResult answer;
        if (entry.Answer is { } recorded)
        {
            answer = RouterResultJson.Read(recorded);
        }
        else
        {
            var translation = ActivityTranslator.Translate(activity, channelData, entry.AcceptedUtc);
            var events = Delivered(await relayedAuthors.CreditAsync(tenant, translation.Events, cancellationToken).ConfigureAwait(false), entry.Key, again: true);
            answer = await RouteAllAsync(activity, events, cancellationToken).ConfigureAwait(false);
            answering = await RecordAsync(answering, answer, cancellationToken).ConfigureAwait(false);
        }

        if (!TryHandOver(answering, ct => SendAsync(answering, answer, ct)))
        {
            inbox.GiveBack(entry.Key); // stopping: the next instance up answers it
        }
    }

    /// <summary>The router's answers to an activity's events as one: the messages in order, and (Action.Submit) the
    /// card's refresh, or what was wrong with its inputs when there is no card to refresh.</summary>
    private async Task<RouterResult> RouteAllAsync(Activity activity, IReadOnlyList<IncomingEvent> events, CancellationToken cancellationToken)
    {
        var replies = new List<Outgoing>();
        Card? refresh = null;
        IReadOnlyDictionary<string, string>? refreshErrors = null;
        foreach (var incoming in events)
        {
            var result = await router.HandleAsync(incoming, cancellationToken).ConfigureAwait(false);
            var these = result.Replies;
            if (activity.Value is not null && activity.ReplyToId is not null)
            {
                if (result.ReplaceCard is { } card)
                {
                    (refresh, refreshErrors) = (card, result.InputErrors);
                }
                else if (result.InputErrors is { Count: > 0 } errors)
                {
                    these = [new TextOut(string.Join("\n", errors.Values)), .. these];
                }
            }

            replies.AddRange(these);
        }

        return new RouterResult(replies, refresh, refreshErrors);
    }

    /// <summary>The events told which delivery of the activity they are, when it is kept in the inbox.</summary>
    private static IReadOnlyList<IncomingEvent> Delivered(IReadOnlyList<IncomingEvent> events, InboundEventKey? kept, bool again) =>
        kept is null ? events : [.. events.Select(e => e with { Delivery = new EventDelivery(kept.EventId, again) })];

    /// <summary>Records the answer before the request is answered; an answer with nothing to send finishes the activity.</summary>
    private async Task<Answering> RecordAsync(Answering answering, RouterResult answer, CancellationToken cancellationToken)
    {
        if (answering.Kept is not { } key)
        {
            return answering;
        }

        if (answer is { Replies.Count: 0, ReplaceCard: null })
        {
            await inbox.DoneAsync(key).ConfigureAwait(false);
            return answering with { Kept = null };
        }

        await inbox.TryAnswerAsync(key, answer, cancellationToken).ConfigureAwait(false);
        return answering;
    }

    /// <summary>Queues the messages behind the conversation's earlier ones; false while the host stops, when the
    /// request sends them itself.</summary>
    private bool TryHandOver(Answering answering, Func<CancellationToken, Task> send)
    {
        var conversation = answering.Reference.Conversation!;
        return outbox.TryHandOver($"teams|{conversation.TenantId}|{conversation.Id}", $"Teams reply to activity {answering.Activity.Id}",
            ct => SendKeptAsync(answering, send, ct));
    }

    /// <summary>Sends, then finishes the kept activity: sent (or refused for good), nobody is to answer it again; failed,
    /// it is given back to be tried again.</summary>
    private async Task SendKeptAsync(Answering answering, Func<CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        if (answering.Kept is not { } key)
        {
            await send(cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            await send(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            inbox.GiveBack(key);
            throw;
        }

        await inbox.DoneAsync(key).ConfigureAwait(false);
    }

    /// <summary>The answer to one activity: its card refreshed in place, then its messages.</summary>
    private async Task SendAsync(Answering answering, RouterResult answer, CancellationToken cancellationToken)
    {
        var (activity, reference) = (answering.Activity, answering.Reference);
        if (answer.ReplaceCard is { } card && activity.ReplyToId is { } cardActivityId)
        {
            var refreshed = OutgoingActivities.Card(card, answer.InputErrors);
            refreshed.From = activity.Recipient;
            await PatientlyAsync("card update", t => connector.UpdateAsync(reference, cardActivityId, refreshed, t), cancellationToken).ConfigureAwait(false);
        }

        await SendRepliesAsync(activity, reference, answer.Replies, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One connector call, tried until settled; Teams counts its limits on the wall clock.</summary>
    private Task<SendOutcome> PatientlyAsync(string what, Func<CancellationToken, Task<SendOutcome>> send, CancellationToken cancellationToken) =>
        PatientSend.UntilSettledAsync($"Teams {what}", send, ConnectorClient.IsPassing, TimeProvider.System, logger, cancellationToken);

    /// <summary>The invoke answer: the replacement card, else the input errors, else the first text reply as a
    /// message; what is left of the replies is sent as ordinary messages.</summary>
    private static (AdaptiveCardInvokeResponse, IReadOnlyList<Outgoing>) InvokeAnswer(RouterResult result)
    {
        if (result.ReplaceCard is { } card)
        {
            return (AdaptiveCardPayloads.ToInvokeResponse(card, result.InputErrors), result.Replies);
        }

        if (result.InputErrors is { Count: > 0 } errors)
        {
            return (AdaptiveCardInvokeResponse.Failure("invalidInput", string.Join(" ", errors.Values)), result.Replies);
        }

        if (result.Replies is [TextOut first, ..])
        {
            return (AdaptiveCardInvokeResponse.Message(first.Text), result.Replies.Skip(1).ToList());
        }

        return (AdaptiveCardInvokeResponse.Message(""), result.Replies);
    }

    /// <summary>A typing activity into the conversation the message came from; best effort, never retried (its moment
    /// passes), so it takes no turn from the replies in the outbox.</summary>
    private async Task SendTypingAsync(Answering answering, CancellationToken cancellationToken)
    {
        var inbound = answering.Activity;
        var typing = new Activity { Type = ActivityTypes.Typing, From = inbound.Recipient, Recipient = inbound.From };
        await connector.SendAsync(answering.Reference, typing, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The customer is shown typing, then their line follows as long after as the engine paced it; on the wall
    /// clock, which is the one the person watches. The typing activity is best effort: a line is never held for it.</summary>
    private async Task ShowCustomerTypingAsync(Activity inbound, ConversationReference reference, TimeSpan pause, CancellationToken cancellationToken)
    {
        var typing = new Activity { Type = ActivityTypes.Typing, From = inbound.Recipient, Recipient = inbound.From };
        var outcome = await connector.SendAsync(reference, typing, cancellationToken).ConfigureAwait(false);
        if (outcome is Sent)
        {
            await Task.Delay(pause, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SendRepliesAsync(Activity inbound, ConversationReference reference, IReadOnlyList<Outgoing> replies, CancellationToken cancellationToken)
    {
        foreach (var reply in replies)
        {
            if (_options.CustomerTyping && reply is TextOut { Customer.Pause: var pause, Target: null } && pause > TimeSpan.Zero)
            {
                await ShowCustomerTypingAsync(inbound, reference, pause, cancellationToken).ConfigureAwait(false);
            }

            var outgoing = OutgoingActivities.Render(reply);
            outgoing.From = inbound.Recipient;
            var outcome = await DeliverAsync(inbound, reference, reply, outgoing, cancellationToken).ConfigureAwait(false);
            if (outcome is not Sent sent)
            {
                LogReplyFailed(logger, outcome.ToString());
                break;
            }

            if (reply.AuthoredBy is { } author && sent.Id is { Length: > 0 } activityId)
            {
                var conversationId = reply.Target?.ConversationId ?? reference.Conversation!.Id!;
                await relayedAuthors.RememberAsync(reference.Conversation!.TenantId!, conversationId, activityId, author, cancellationToken)
                    .ConfigureAwait(false);
            }
        }
    }

    /// <summary>A reply goes back into the thread it answers; a reply aimed at another conversation (a team's channel)
    /// is posted there on the same serviceUrl; one meant for one person only goes to their 1:1 chat, since Teams has
    /// no private message inside a channel.</summary>
    private async Task<SendOutcome> DeliverAsync(Activity inbound, ConversationReference reference, Outgoing reply, Activity outgoing,
        CancellationToken cancellationToken)
    {
        if (reply.Target is { } target)
        {
            var elsewhere = Reach(reference, new ConversationAccount { Id = target.ConversationId, TenantId = reference.Conversation?.TenantId }, null);
            return await PatientlyAsync("post to another conversation", t => connector.SendAsync(elsewhere, outgoing, t), cancellationToken).ConfigureAwait(false);
        }

        if (reply.VisibleTo is { } person && reference.Conversation?.ConversationType != "personal")
        {
            string? conversationId = null;
            var created = await PatientlyAsync("1:1 chat creation", async t =>
            {
                var answer = await connector.CreatePersonalConversationAsync(reference.ServiceUrl!, person.TenantId, person.UserId, t).ConfigureAwait(false);
                conversationId = (answer.Outcome as Sent)?.Id;
                return answer.Outcome;
            }, cancellationToken).ConfigureAwait(false);
            if (conversationId is null)
            {
                return created;
            }

            var personal = Reach(reference,
                new ConversationAccount { Id = conversationId, TenantId = person.TenantId, ConversationType = "personal" },
                new ChannelAccount { Id = person.UserId });
            outgoing.Recipient = personal.User;
            return await PatientlyAsync("private message", t => connector.SendAsync(personal, outgoing, t), cancellationToken).ConfigureAwait(false);
        }

        outgoing.Recipient = inbound.From;
        return await PatientlyAsync("reply", t => inbound.Id is { Length: > 0 } id
            ? connector.ReplyAsync(reference, id, outgoing, t)
            : connector.SendAsync(reference, outgoing, t), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The same bot and serviceUrl, another conversation (and, for a 1:1, its person).</summary>
    private static ConversationReference Reach(ConversationReference from, ConversationAccount conversation, ChannelAccount? user) => new()
    {
        ServiceUrl = from.ServiceUrl,
        ChannelId = from.ChannelId,
        Bot = from.Bot,
        User = user,
        Conversation = conversation,
    };

    private async Task<AuthResult> AuthenticateAsync(HttpContext context, Activity activity, CancellationToken cancellationToken)
    {
        if (!_options.IsLocalMode)
        {
            return await validator.ValidateAsync(context.Request.Headers.Authorization.ToString(), activity.ChannelId, activity.ServiceUrl, cancellationToken)
                .ConfigureAwait(false);
        }

        // Local mode trusts nobody but this machine: the caller and the address replies go to must be loopback.
        var callerIsLocal = LoopbackCaller.IsThisMachine(context);
        var serviceIsLocal = Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) && serviceUrl.IsLoopback;
        return callerIsLocal && serviceIsLocal ? AuthResult.Ok : AuthResult.Fail("local mode accepts only loopback callers and serviceUrls");
    }

    private static Activity? Parse(byte[] body)
    {
        try
        {
            // The JSON reader lets some invalid UTF-8 through inside strings; refuse it outright. The parts kept as raw
            // JSON (channelData, value) are read later, so a string in them that .NET cannot hold is refused now.
            var activity = body.Length == 0 || !System.Text.Unicode.Utf8.IsValid(body)
                ? null
                : JsonSerializer.Deserialize(body, TeamsJsonContext.Default.Activity);
            return activity is { ChannelData: { } data } && !JsonText.IsReadable(data) || activity is { Value: { } value } && !JsonText.IsReadable(value)
                ? null
                : activity;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Activity ids are unique within a conversation, so the conversation is part of the key.</summary>
    private static InboundEventKey? DedupeKey(Activity activity, string tenant) =>
        string.IsNullOrEmpty(activity.Id) ? null : InboundEventKey.For(new TenantScope(ActivityTranslator.Platform, tenant), $"{activity.Conversation!.Id}|{activity.Id}");

    private static TeamsConversationReference ReferenceOf(Activity activity, string tenant) => new(
        activity.ServiceUrl!, activity.Conversation!.Id!, tenant, activity.Recipient!.Id!, activity.From!.Id!, activity.From.AadObjectId,
        activity.Conversation.ConversationType ?? (activity.Conversation.IsGroup == true ? "groupChat" : "personal"));

    /// <summary>An activity being answered: where replies go, and the key it is kept by in the inbox (null when it is
    /// not: no activity id, the store was down, or nothing was left to send).</summary>
    private sealed record Answering(Activity Activity, ConversationReference Reference, InboundEventKey? Kept);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams reply not delivered: {Outcome}")]
    private static partial void LogReplyFailed(ILogger logger, string outcome);
}
