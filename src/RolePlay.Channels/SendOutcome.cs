using RolePlay.Core.Routines;

namespace RolePlay.Channels;

/// <summary>What became of one outgoing call to a platform (a Teams activity, a Slack message or view). The channel
/// clients return it instead of throwing for an HTTP failure; the proactive senders turn it into the delivery ledger's
/// <see cref="ProactiveOutcome"/>.</summary>
public abstract record SendOutcome
{
    /// <summary>Delivered; <see cref="Id"/> is the platform's id for it (a Teams activity or conversation id, a Slack
    /// ts), when it gave one.</summary>
    public sealed record Sent(string? Id) : SendOutcome;

    /// <summary>Still refused with 429 after the bounded retries; try again after <see cref="RetryAfter"/>.</summary>
    public sealed record Throttled(TimeSpan RetryAfter) : SendOutcome;

    /// <summary>The person blocked or uninstalled the bot, or is gone: do not retry.</summary>
    public sealed record Unreachable(string Reason) : SendOutcome;

    /// <summary>Any other failure: the platform's error code (a Teams error body's code, Slack's <c>ok:false</c>
    /// error), its message when it gave one, and the HTTP status when an answer came back at all.</summary>
    public sealed record Failed(string Code, string Message = "", int? StatusCode = null) : SendOutcome
    {
        /// <summary>"502 BadGateway: message", "channel_not_found": what the ledger records as the error.</summary>
        public string Describe()
        {
            var what = Message.Length > 0 ? $"{Code}: {Message}" : Code;
            return StatusCode is { } status ? $"{status} {what}" : what;
        }
    }

    public ProactiveOutcome ToProactiveOutcome() => this switch
    {
        Sent sent => new ProactiveOutcome.Sent(sent.Id),
        Throttled throttled => new ProactiveOutcome.Throttled(throttled.RetryAfter),
        Unreachable unreachable => new ProactiveOutcome.Unreachable(unreachable.Reason),
        Failed failed => new ProactiveOutcome.Failed(failed.Describe()),
        _ => throw new NotSupportedException($"No proactive outcome for {GetType().Name}."),
    };
}
