using Microsoft.Extensions.Logging;

namespace RolePlay.Channels;

/// <summary>A reply tried until it is settled. What the platform client could not deliver after its own quick retries,
/// for a passing reason (still throttled, the connection dropped, a 5xx), is tried again after the platform's
/// Retry-After or a pause that doubles, for up to <see cref="Patience"/>: a reply is late rather than lost. What is
/// settled (sent, the person unreachable, refused for good) comes back at once.</summary>
/// <remarks>It runs in the conversation's outbox queue, so its waits hold up only that conversation.</remarks>
public static partial class PatientSend
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMinutes(1);

    /// <param name="isPassing">Whether a failure may go away by itself (the platform's own error vocabulary).</param>
    /// <param name="time">The wall clock: the platform counts its limits on it.</param>
    public static async Task<SendOutcome> UntilSettledAsync(string description, Func<CancellationToken, Task<SendOutcome>> send,
        Func<SendOutcome.Failed, bool> isPassing, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        ArgumentNullException.ThrowIfNull(isPassing);
        ArgumentNullException.ThrowIfNull(time);
        var giveUpAt = time.GetUtcNow() + Patience;
        var pause = FirstPause;
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await send(cancellationToken).ConfigureAwait(false);
            TimeSpan? wait = outcome switch
            {
                SendOutcome.Throttled throttled => throttled.RetryAfter,
                SendOutcome.Failed failed when isPassing(failed) => pause,
                _ => null,
            };
            if (wait is not { } delay)
            {
                return outcome;
            }

            if (time.GetUtcNow() + delay > giveUpAt)
            {
                LogGivenUp(logger, description, attempt, outcome.ToString());
                return outcome;
            }

            LogRetrying(logger, description, attempt, outcome.ToString(), delay);
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            if (outcome is SendOutcome.Failed)
            {
                pause = pause * 2 < LongestPause ? pause * 2 : LongestPause; // the platform's own Retry-After sets no pause
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Reply}: attempt {Attempt} ended {Outcome}; trying again in {Delay}")]
    private static partial void LogRetrying(ILogger logger, string reply, int attempt, string outcome, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Reply}: given up after {Attempt} attempts, the last {Outcome}")]
    private static partial void LogGivenUp(ILogger logger, string reply, int attempt, string outcome);
}
