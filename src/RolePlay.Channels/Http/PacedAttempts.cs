namespace RolePlay.Channels.Http;

/// <summary>Takes a pacing slot for every attempt of a call, retries included, so retrying cannot overrun the budget
/// the platform publishes. The client names the budget a request spends in its options (<see cref="Key"/>); a
/// request without one is not paced.</summary>
public sealed class PacedAttempts<TKey>(Func<TKey, CancellationToken, ValueTask<bool>> waitTurn) : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<TKey> Key = new("RolePlay.Pace");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(Key, out var key) && !await waitTurn(key, cancellationToken).ConfigureAwait(false))
        {
            throw new PacingRefusedException();
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>The pacer's queue for this budget is full: the call is reported throttled instead of queued without bound.</summary>
public sealed class PacingRefusedException() : Exception("The pacing queue for this budget is full.");
