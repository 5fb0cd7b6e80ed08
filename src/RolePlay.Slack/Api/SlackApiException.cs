namespace RolePlay.Slack.Api;

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

