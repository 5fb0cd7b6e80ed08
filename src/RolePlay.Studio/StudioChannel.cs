using System.Globalization;
using RolePlay.Core.Chat;
using RolePlay.Core.Storage;
using RolePlay.Studio.Http;
using RolePlay.Studio.Transcripts;

namespace RolePlay.Studio;

/// <summary>What one studio request changed in the person's page, the input errors of a refused card, and the practice
/// going on after it (null: none), so the page shows the chat or the picker.</summary>
public sealed record StudioTurn(IReadOnlyList<StudioEntry> Entries, IReadOnlyDictionary<string, string>? InputErrors, LivePractice? Practice);

/// <summary>The studio as a channel: it turns what the page did into the neutral events every channel sends
/// (<see cref="MessageReceived"/>, <see cref="CardSubmitted"/>, <see cref="BotInstalled"/>), calls the one router, and
/// puts the router's answer into the page. No practice decision is made here.</summary>
public sealed class StudioChannel(IConversationRouter router, StudioDelivery delivery, StudioTranscripts transcripts, LivePractices practices,
    TimeProvider time)
{
    /// <summary>The studio is a personal chat whose conversation id is the person's own id.</summary>
    public static ConversationAddress AddressOf(ChannelUser user) =>
        new(StudioDelivery.Platform, user.TenantId, user.UserId, ConversationKind.Personal);

    public static PersonKey KeyOf(ChannelUser user) => new(user.Platform, user.TenantId, user.UserId);

    /// <summary>A person's first visit: the welcome (consent) card, as a chat platform shows it on install.</summary>
    public Task<StudioTurn> WelcomeAsync(ChannelUser user, CancellationToken ct) =>
        RouteAsync(user, new BotInstalled(user, AddressOf(user), time.GetUtcNow()), said: null, cardSeq: null, ct);

    public Task<StudioTurn> MessageAsync(ChannelUser user, string text, CancellationToken ct) =>
        // The page shows the customer typing for as long as the request runs: nothing to send for it.
        RouteAsync(user, new MessageReceived(user, AddressOf(user), time.GetUtcNow(), text) { ShowTyping = _ => Task.CompletedTask },
            said: text, cardSeq: null, ct);

    public Task<StudioTurn> SubmitAsync(ChannelUser user, string verb, IReadOnlyDictionary<string, string> values, long? cardSeq,
        CancellationToken ct) =>
        RouteAsync(user, new CardSubmitted(user, AddressOf(user), time.GetUtcNow(), verb, values,
            cardSeq?.ToString(CultureInfo.InvariantCulture)), said: null, cardSeq, ct);

    /// <summary>Runs <paramref name="work"/> while no other event of <paramref name="person"/> is being handled here:
    /// one person's events reach the router in order, as a chat platform delivers them, so two tabs (or a facilitator's
    /// nudge and the learner's reply) do not cross.</summary>
    public async Task<T> InTurnAsync<T>(PersonKey person, Func<Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        var conversation = transcripts.For(person);
        await conversation.Turn.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await work().ConfigureAwait(false);
        }
        finally
        {
            conversation.Turn.Release();
        }
    }

    private Task<StudioTurn> RouteAsync(ChannelUser user, IncomingEvent incoming, string? said, long? cardSeq, CancellationToken ct)
    {
        var key = KeyOf(user);
        return InTurnAsync(key, async () =>
        {
            var result = await router.HandleAsync(incoming, ct).ConfigureAwait(false);
            // The typed words join the page only once the router took them: on an error the page keeps them in the box.
            var entries = new List<StudioEntry>();
            if (said is not null)
            {
                entries.Add(delivery.Said(key, said));
            }

            if (cardSeq is { } seq && (result.ReplaceCard is not null || result.InputErrors is { Count: > 0 })
                && delivery.Replace(key, seq, result.ReplaceCard, result.InputErrors) is { } replaced)
            {
                entries.Add(replaced);
            }

            entries.AddRange(delivery.Deliver(key, result.Replies));
            return new StudioTurn(entries, result.InputErrors is { Count: > 0 } errors ? errors : null,
                await practices.ReadAsync(key, ct).ConfigureAwait(false));
        }, ct);
    }
}
