using Microsoft.Extensions.Logging;
using RolePlay.Core.Routines;

namespace RolePlay.Channels;

/// <summary>The proactive senders' one loop: a routine message's parts go out in order, and the first that fails
/// ends it. A failure before anything was delivered is the message's outcome; after a part was delivered the message
/// counts as sent, since a retry would repeat what the recipient already has.</summary>
public static partial class OrderedSend
{
    /// <returns><see cref="ProactiveOutcome.Sent"/> with the first part's id, or the first part's failure.</returns>
    public static async Task<ProactiveOutcome> SendAsync<TPart>(IEnumerable<TPart> parts, Func<TPart, CancellationToken, Task<SendOutcome>> send,
        string recipient, ILogger logger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(send);
        string? firstId = null;
        var delivered = 0;
        foreach (var part in parts)
        {
            var outcome = await send(part, ct).ConfigureAwait(false);
            if (outcome is not SendOutcome.Sent sent)
            {
                if (delivered == 0)
                {
                    return outcome.ToProactiveOutcome();
                }

                LogPartial(logger, recipient, delivered, outcome.ToString());
                break;
            }

            firstId ??= sent.Id;
            delivered++;
        }

        return new ProactiveOutcome.Sent(firstId);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Routine message to {Recipient}: {Delivered} part(s) sent, then {Outcome}; counted as sent")]
    private static partial void LogPartial(ILogger logger, string recipient, int delivered, string outcome);
}
