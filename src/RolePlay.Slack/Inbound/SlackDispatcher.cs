using Microsoft.Extensions.DependencyInjection;
using RolePlay.Core.Chat;

namespace RolePlay.Slack.Inbound;

/// <summary>Runs every inbound kind (events, block actions, slash commands, view submissions) in its person's lane of
/// <see cref="SlackWorkQueue"/>, so one person's requests reach the router one at a time and in the order they came.</summary>
public sealed class SlackDispatcher(SlackWorkQueue queue, IServiceScopeFactory scopes, SlackRelayedAuthors relayedAuthors, SlackResponder responder)
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

    /// <summary>Enrich (a reaction to a message the bot posted for someone is credited to them), then route.</summary>
    private async Task<RouterResult> RouteAsync(IncomingEvent incoming, CancellationToken cancellationToken)
    {
        incoming = await relayedAuthors.CreditAsync(incoming, cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        foreach (var enricher in scope.ServiceProvider.GetServices<ISlackEnricher>())
        {
            await enricher.EnrichAsync(incoming, cancellationToken);
        }

        return await scope.ServiceProvider.GetRequiredService<IConversationRouter>().HandleAsync(incoming, cancellationToken);
    }
}
