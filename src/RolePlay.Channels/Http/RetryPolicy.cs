namespace RolePlay.Channels.Http;

/// <summary>How a platform client retries a call that failed for a passing reason (a dropped connection, a timeout,
/// 408, 429, a 5xx): bounded attempts with exponential backoff and jitter, or the platform's Retry-After when it gives
/// one. A Retry-After longer than <see cref="MaxRetryWait"/> is not waited for: the caller reports it as throttled.</summary>
public sealed class RetryPolicy
{
    /// <summary>Attempts in all, the first included.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The first backoff; each later one doubles (with jitter).</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxRetryWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may take before it counts as a timeout and is retried.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>What is wrong with the policy, each problem naming its setting under <paramref name="section"/>.</summary>
    public IEnumerable<string> Problems(string section)
    {
        if (MaxAttempts is < 1 or > 10)
        {
            yield return $"{section}:MaxAttempts must be between 1 and 10, got {MaxAttempts}.";
        }

        if (BaseDelay <= TimeSpan.Zero || BaseDelay > TimeSpan.FromMinutes(1))
        {
            yield return $"{section}:BaseDelay must be more than zero and at most a minute, got {BaseDelay}.";
        }

        if (MaxRetryWait < TimeSpan.Zero || MaxRetryWait > TimeSpan.FromMinutes(10))
        {
            yield return $"{section}:MaxRetryWait must be between zero and ten minutes, got {MaxRetryWait}.";
        }

        if (AttemptTimeout <= TimeSpan.Zero || AttemptTimeout > TimeSpan.FromMinutes(5))
        {
            yield return $"{section}:AttemptTimeout must be more than zero and at most five minutes, got {AttemptTimeout}.";
        }
    }

    /// <summary>The longest a whole call may take: every attempt timing out and every wait at its longest. The
    /// HttpClient's own timeout is set to this, so it never cuts a retrying call short.</summary>
    public TimeSpan CallBudget => AttemptTimeout * MaxAttempts + MaxRetryWait * (MaxAttempts - 1) + TimeSpan.FromSeconds(5);
}
