using Microsoft.Extensions.Options;
using RolePlay.Channels.Http;

namespace RolePlay.Slack;

/// <summary>Configuration section <c>Slack</c>. Set <see cref="BotToken"/> for one workspace, or
/// <see cref="ClientId"/>/<see cref="ClientSecret"/> to let any workspace install the app with OAuth.</summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    public string? SigningSecret { get; set; }

    /// <summary>An <c>xoxb-</c> token: single-workspace mode (the workspace is learnt with auth.test).</summary>
    public string? BotToken { get; set; }

    /// <summary>An app-level <c>xapp-</c> token: Socket Mode, for development without a public URL.</summary>
    public string? AppToken { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    public Uri AuthorizeUrl { get; set; } = new("https://slack.com/oauth/v2/authorize");

    /// <summary>The OAuth redirect URI registered with Slack (this host's public callback route); required with OAuth,
    /// never built from a request's Host header, which the caller chooses.</summary>
    public Uri? RedirectUri { get; set; }

    /// <summary>Bot scopes requested at install (must match manifests/slack/manifest.yml).</summary>
    public string Scopes { get; set; } =
        "app_mentions:read,channels:read,chat:write,commands,files:read,groups:read,im:history,im:write,reactions:read,users:read";

    /// <summary>Hosts a file sent in a DM is fetched from with the bot token (a name, or ".suffix"): Slack's own file
    /// host, unless a list replaces it.</summary>
    public List<string> FileHosts { get; set; } = [];

    public IReadOnlyList<string> TrustedFileHosts => FileHosts.Count > 0 ? FileHosts : ["files.slack.com"];

    /// <summary>chat.postMessage pacing: Slack allows about one message per second per channel.</summary>
    public TimeSpan ChannelMessageInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>chat.postMessage budget per workspace per minute (Slack's workspace-wide limit for the method).</summary>
    public int WorkspaceMessagesPerMinute { get; set; } = 300;

    /// <summary>conversations.open budget per workspace per minute (Web API Tier 3: 50+ a minute).</summary>
    public int ConversationsOpenPerMinute { get; set; } = 50;

    /// <summary>How long a slash command waits for the router before acknowledging with a placeholder.</summary>
    public TimeSpan CommandAnswerWindow { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long an instance holds an acknowledged event in the durable inbox before another instance may take
    /// it up (renewed every quarter of it while the work runs): after a crash, what was left is answered within about
    /// this long.</summary>
    public TimeSpan InboxLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an instance looks for inbox entries whose lease ran out.</summary>
    public TimeSpan InboxScanInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a reaction to a message the bot posted for someone (relayed peer feedback) is still credited to
    /// them.</summary>
    public TimeSpan RelayedAuthorRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Web API retries (section <c>Slack:Retry</c>); a Retry-After beyond its wait ends as Throttled.</summary>
    public RetryPolicy Retry { get; set; } = new();

    public bool SingleWorkspace => !string.IsNullOrWhiteSpace(BotToken);

    public bool OAuthEnabled => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);

    public bool SocketMode => !string.IsNullOrWhiteSpace(AppToken);
}

/// <summary>Checks <see cref="SlackOptions"/> at start-up so a missing secret fails the host with a clear message
/// instead of failing the first request.</summary>
internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.SigningSecret) && !options.SocketMode)
        {
            errors.Add("Slack:SigningSecret is required to verify requests from Slack (Basic Information → Signing Secret).");
        }

        if (!options.SingleWorkspace && !options.OAuthEnabled)
        {
            errors.Add("Set Slack:BotToken (one workspace) or Slack:ClientId and Slack:ClientSecret (OAuth install).");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId) != string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            errors.Add("Slack:ClientId and Slack:ClientSecret must be set together.");
        }

        if (options.OAuthEnabled && RedirectUriProblem(options.RedirectUri) is { } redirect)
        {
            errors.Add(redirect);
        }

        if (options.SingleWorkspace && !options.BotToken!.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            errors.Add("Slack:BotToken must be a bot token starting with 'xoxb-'.");
        }

        if (options.SocketMode && !options.AppToken!.StartsWith("xapp-", StringComparison.Ordinal))
        {
            errors.Add("Slack:AppToken must be an app-level token starting with 'xapp-'.");
        }

        if (!options.ApiBaseUrl.IsAbsoluteUri || options.ApiBaseUrl.Scheme is not ("https" or "http")
            || !options.ApiBaseUrl.AbsolutePath.EndsWith('/'))
        {
            errors.Add($"Slack:ApiBaseUrl must be an absolute http(s) URL ending with '/', got '{options.ApiBaseUrl}'.");
        }

        if (options.ChannelMessageInterval <= TimeSpan.Zero || options.WorkspaceMessagesPerMinute <= 0 || options.ConversationsOpenPerMinute <= 0)
        {
            errors.Add("Slack:ChannelMessageInterval, Slack:WorkspaceMessagesPerMinute and Slack:ConversationsOpenPerMinute must be positive.");
        }

        if (options.InboxScanInterval <= TimeSpan.Zero || options.InboxLease < options.InboxScanInterval * 2 || options.InboxLease > TimeSpan.FromHours(1))
        {
            errors.Add($"Slack:InboxScanInterval must be positive and Slack:InboxLease at least twice as long (a lapsed lease is seen within half of it) and at most " +
                $"an hour, got {options.InboxScanInterval} and {options.InboxLease}.");
        }

        if (options.RelayedAuthorRetention <= TimeSpan.Zero)
        {
            errors.Add($"Slack:RelayedAuthorRetention must be positive, got {options.RelayedAuthorRetention}.");
        }

        errors.AddRange(options.Retry.Problems("Slack:Retry"));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static string? RedirectUriProblem(Uri? uri) => uri switch
    {
        null => $"Slack:RedirectUri is required with OAuth install: the public https URL of {SlackEndpoints.OAuthCallbackPath} on this host, " +
            "as listed under OAuth & Permissions → Redirect URLs.",
        { IsAbsoluteUri: false } => $"Slack:RedirectUri must be an absolute URL, got '{uri}'.",
        _ when uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback) =>
            $"Slack:RedirectUri must be https (plain http only on this machine), got '{uri}'.",
        _ when uri.AbsolutePath != SlackEndpoints.OAuthCallbackPath || uri.Query.Length > 0 || uri.Fragment.Length > 0 =>
            $"Slack:RedirectUri must end in {SlackEndpoints.OAuthCallbackPath}, the route that completes the install, got '{uri}'.",
        _ => null,
    };
}
