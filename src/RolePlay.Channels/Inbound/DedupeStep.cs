using RolePlay.Core.Storage;

namespace RolePlay.Channels.Inbound;

/// <summary>The dedupe step both channels share: claim the event's key for a window, process it, and release the claim
/// when processing fails, so the platform's retry is processed instead of dropped as a duplicate.</summary>
public sealed class DedupeStep(IInboundDedupe dedupe, TimeProvider time)
{
    /// <summary>Claims <paramref name="key"/> for <paramref name="window"/>: true the first time, false for a repeat while
    /// the claim lives. For a request answered in its own response, where there is no later processing to release.</summary>
    public Task<bool> IsFirstAsync(InboundEventKey key, TimeSpan window, CancellationToken cancellationToken) =>
        dedupe.TryClaimAsync(key, time.GetUtcNow(), window, cancellationToken);

    /// <summary>Runs <paramref name="process"/> unless the key is already claimed (then the stop says so). A null key
    /// (an event without an id) cannot be de-duplicated and is processed.</summary>
    public async Task<InboundStop?> ProcessOnceAsync(InboundEventKey? key, TimeSpan window, Func<CancellationToken, Task> process,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (key is not null && !await dedupe.TryClaimAsync(key, time.GetUtcNow(), window, cancellationToken).ConfigureAwait(false))
        {
            return InboundStop.Dropped(InboundStep.Dedupe, "already accepted");
        }

        try
        {
            await process(cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch
        {
            if (key is not null)
            {
                // Not the request's token: the release must happen even when the request was cancelled.
                await dedupe.ReleaseAsync(key, CancellationToken.None).ConfigureAwait(false);
            }

            throw;
        }
    }
}
