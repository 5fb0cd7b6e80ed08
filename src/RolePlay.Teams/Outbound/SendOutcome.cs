namespace RolePlay.Teams.Outbound;

/// <summary>How a call to the connector ended. Callers (the delivery ledger) record it; nothing here throws for an
/// HTTP failure.</summary>
public abstract record SendOutcome
{
    public bool Succeeded => this is Sent;
}

/// <summary>Delivered; <see cref="Id"/> is the activity (or conversation) id the connector returned, when it did.</summary>
public sealed record Sent(string? Id) : SendOutcome;

/// <summary>Still throttled after the bounded retries; try again after <see cref="RetryAfter"/>.</summary>
public sealed record Throttled(TimeSpan RetryAfter) : SendOutcome;

/// <summary>The person blocked or uninstalled the bot (403 MessageWritesBlocked): do not retry.</summary>
public sealed record Unreachable(string Reason) : SendOutcome;

/// <summary>Any other failure. <see cref="StatusCode"/> is 0 when no HTTP answer came back.</summary>
public sealed record Failed(int StatusCode, string Code, string Message) : SendOutcome;

/// <summary>An outcome plus the parsed body for calls that return data (create conversation, members).</summary>
public sealed record ConnectorResult<T>(SendOutcome Outcome, T? Value) where T : class;
