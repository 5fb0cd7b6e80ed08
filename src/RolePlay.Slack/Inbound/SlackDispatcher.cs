using Microsoft.Extensions.DependencyInjection;
using RolePlay.Core.Chat;

namespace RolePlay.Slack.Inbound;

/// <summary>Runs every inbound kind (events, block actions, slash commands, view submissions) in its person's lane of
/// <see cref="SlackWorkQueue"/>, so one person's requests reach the router one at a time and in the order they came.
/// A request that answers in its ack (a command, a view submission) waits for its lane work up to its window.</summary>
public sealed class SlackDispatcher(SlackWorkQueue queue, IServiceScopeFactory scopes, SlackResponder responder, TimeProvider time)
{
    /// <summary>One person's work is kept in order; events without a person (uninstall) need no order.</summary>
    public static string? OrderKey(string tenant, string? user) => user is null ? null : $"{tenant}|{user}";

    /// <summary>False when the lane is full or the queue is stopping.</summary>
    public bool TryEnqueue(string description, string? orderKey, Func<CancellationToken, Task> work) =>
        queue.TryEnqueue(new SlackWork(description, work, orderKey));

    /// <summary>Routes and responds in the person's lane; the request does not wait.</summary>
    public bool TryRouteInLane(string description, SlackRouted routed)
    {
        ArgumentNullException.ThrowIfNull(routed);
        return TryEnqueue(description, OrderKey(routed.Target.TenantId, routed.Target.UserId), async ct => await RouteAndRespondAsync(routed, ct));
    }

    /// <summary>Routes in the person's lane and waits up to <paramref name="window"/>: in time, the ack is
    /// <paramref name="answer"/>'s and the lane delivers the rest; too late (or the router failed), the ack is
    /// <paramref name="interim"/> and the lane delivers the whole result to <paramref name="lateTarget"/>.</summary>
    public async Task<SlackAck> AnswerWithinAsync(string description, SlackRouted routed, TimeSpan window,
        Func<RouterResult, SlackQuickAnswer> answer, SlackReplyTarget lateTarget, SlackAck interim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(routed);
        ArgumentNullException.ThrowIfNull(answer);
        var handoff = new SlackAnswerHandoff();
        var queued = TryEnqueue(description, OrderKey(routed.Target.TenantId, routed.Target.UserId), async ct =>
        {
            RouterResult result;
            try
            {
                result = await RouteAsync(routed.Event, ct);
            }
            catch
            {
                handoff.TryHandOver(null);
                throw;
            }

            var quick = answer(result);
            if (!handoff.TryHandOver(quick.Ack))
            {
                await responder.DeliverAsync(lateTarget, result, ct);
            }
            else if (quick.Rest is { } rest)
            {
                await responder.DeliverAsync(routed.Target, rest, ct);
            }
        });
        if (!queued)
        {
            return SlackAckPolicy.Busy;
        }

        return await handoff.WaitAsync(window, time, cancellationToken) ?? interim;
    }

    /// <summary>Route, then respond: as messages, or as the person's Home tab.</summary>
    public async Task<SlackDelivery> RouteAndRespondAsync(SlackRouted routed, CancellationToken cancellationToken) =>
        await RespondAsync(routed, await RouteAsync(routed, cancellationToken), cancellationToken);

    /// <summary>The router's answer to the event (enriched first); nothing is sent.</summary>
    public Task<RouterResult> RouteAsync(SlackRouted routed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(routed);
        return RouteAsync(routed.Event, cancellationToken);
    }

    /// <summary>Sends <paramref name="result"/> where the event answers: as messages, or as the person's Home tab.</summary>
    public async Task<SlackDelivery> RespondAsync(SlackRouted routed, RouterResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(routed);
        return routed.PublishesHome
            ? await responder.PublishHomeAsync(routed.Target, result, cancellationToken)
            : await responder.DeliverAsync(routed.Target, result, cancellationToken);
    }

    /// <summary>Enrich, then route.</summary>
    private async Task<RouterResult> RouteAsync(IncomingEvent incoming, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        foreach (var enricher in scope.ServiceProvider.GetServices<ISlackEnricher>())
        {
            await enricher.EnrichAsync(incoming, cancellationToken);
        }

        return await scope.ServiceProvider.GetRequiredService<IConversationRouter>().HandleAsync(incoming, cancellationToken);
    }
}
