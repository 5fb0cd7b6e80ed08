namespace RolePlay.Core.Voice;

/// <summary>The model endpoint answered 429: no turn asks it again before <see cref="RetryAfter"/> has passed.</summary>
public sealed class ModelThrottledException(TimeSpan retryAfter, Exception? inner = null)
    : Exception($"The model endpoint is rate limited; retry after {retryAfter.TotalSeconds:0} s.", inner)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
