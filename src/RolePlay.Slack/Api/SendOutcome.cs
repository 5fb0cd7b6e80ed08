namespace RolePlay.Slack.Api;

/// <summary>What became of one outgoing message or view. Senders record it instead of catching exceptions.</summary>
public abstract record SendOutcome
{
    public sealed record Sent(string? Ts) : SendOutcome;

    /// <summary>Slack kept answering 429; try again after <see cref="RetryAfter"/>.</summary>
    public sealed record Throttled(TimeSpan RetryAfter) : SendOutcome;

    /// <summary>The person cannot be reached any more (deactivated, deleted); stop sending to them.</summary>
    public sealed record Unreachable(string Error) : SendOutcome;

    public sealed record Failed(string Error) : SendOutcome;
}

/// <summary>A Web API call answered <c>ok:false</c> (or not at all) where the caller needs data back.</summary>
public sealed class SlackApiException : Exception
{
    public SlackApiException(string method, string error)
        : base($"Slack {method} failed: {error}")
    {
        Method = method;
        Error = error;
    }

    public string Method { get; }

    /// <summary>Slack's error code (<c>channel_not_found</c>, <c>ratelimited</c>, ...).</summary>
    public string Error { get; }
}

/// <summary>Told about people Slack says are gone (<c>account_inactive</c>, <c>user_not_found</c>), so routines stop
/// scheduling them. The host connects it to storage; the default only logs.</summary>
public interface ISlackUnreachableRecipients
{
    Task MarkUnreachableAsync(string tenantId, string recipient, string error, CancellationToken cancellationToken);
}
