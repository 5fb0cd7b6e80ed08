using RolePlay.Channels.Http;

namespace RolePlay.Teams;

public enum TeamsAppType { MultiTenant, SingleTenant }

/// <summary>Configuration section <c>Teams</c>. With no <see cref="MicrosoftAppId"/> the bot runs in local mode:
/// no inbound authentication and no outbound token, loopback callers only.</summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Teams";
    public const string BotFrameworkOpenIdMetadata = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    public string? MicrosoftAppId { get; set; }
    public string? MicrosoftAppPassword { get; set; }
    public string? MicrosoftAppTenantId { get; set; }
    public TeamsAppType MicrosoftAppType { get; set; } = TeamsAppType.MultiTenant;

    /// <summary>Bot Framework channel keys. Hard-coded by default: its issuer does not match the discovery URL.</summary>
    public string OpenIdMetadataUrl { get; set; } = BotFrameworkOpenIdMetadata;

    /// <summary>Entra keys for single-tenant tokens; <c>{tenant}</c> is replaced by the app's tenant id.</summary>
    public string EntraOpenIdMetadataUrlTemplate { get; set; } =
        "https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration";

    /// <summary><c>{tenant}</c> is <c>botframework.com</c> for multi-tenant apps, the app's tenant otherwise.</summary>
    public string TokenEndpoint { get; set; } = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token";

    public string TokenScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>The public Teams connector hosts, trusted when <see cref="AllowedServiceUrlHosts"/> is empty.</summary>
    public static IReadOnlyList<string> DefaultServiceUrlHosts { get; } =
        ["smba.trafficmanager.net", "smba.infra.gcc.teams.microsoft.com", "smba.infra.gov.teams.microsoft.us", "smba.infra.dod.teams.microsoft.us"];

    /// <summary>Hosts a bearer token may be sent to (exact, case-insensitive). Empty means
    /// <see cref="DefaultServiceUrlHosts"/>; a list replaces them (configuration binding appends to a non-empty default).</summary>
    public List<string> AllowedServiceUrlHosts { get; set; } = [];

    public IReadOnlyList<string> TrustedServiceUrlHosts => AllowedServiceUrlHosts.Count > 0 ? AllowedServiceUrlHosts : DefaultServiceUrlHosts;

    /// <summary>Where Teams keeps a file sent to the bot (the sender's OneDrive, on SharePoint), the only hosts its
    /// download URL is fetched from.</summary>
    public static IReadOnlyList<string> DefaultFileHosts { get; } = [".sharepoint.com", ".sharepoint.us"];

    /// <summary>Hosts a sent file may be fetched from: a name, or ".suffix" for every name under it. Empty means
    /// <see cref="DefaultFileHosts"/>; a list replaces them.</summary>
    public List<string> AllowedFileHosts { get; set; } = [];

    public IReadOnlyList<string> TrustedFileHosts => AllowedFileHosts.Count > 0 ? AllowedFileHosts : DefaultFileHosts;

    /// <summary>When not empty, only activities from these tenants are processed.</summary>
    public List<string> AllowedTenants { get; set; } = [];

    /// <summary>Tests serve metadata over plain HTTP on loopback; production never should.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>Connector retries (section <c>Teams:Retry</c>); 412 is retried beside the common passing failures.</summary>
    public RetryPolicy Retry { get; set; } = new();

    /// <summary>Whether the customer persona is shown typing before each of their lines, for as long as the engine paced
    /// it (their network, going quiet first): part of what the customer's manner says in a text channel.</summary>
    public bool CustomerTyping { get; set; } = true;

    /// <summary>How long a delivered activity id is remembered to drop Teams' redeliveries.</summary>
    public TimeSpan DedupeWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a reaction to relayed peer feedback is still credited to the peer who gave it.</summary>
    public TimeSpan RelayedAuthorRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How long an activity an instance recorded is its own to answer: renewed while it is answered; after a
    /// crash another instance answers it once the lease has run out (<c>TeamsInbox</c>).</summary>
    public TimeSpan InboxLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an instance looks for recorded activities nobody is answering.</summary>
    public TimeSpan InboxScanInterval { get; set; } = TimeSpan.FromSeconds(5);

    public bool IsLocalMode => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>The tenant in the token endpoint: <c>botframework.com</c> for multi-tenant apps.</summary>
    public string TokenTenant => MicrosoftAppType == TeamsAppType.SingleTenant ? MicrosoftAppTenantId! : "botframework.com";

    /// <summary>Every problem with this configuration, worded for the person who wrote it.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!IsLocalMode)
        {
            if (!Guid.TryParse(MicrosoftAppId, out _))
            {
                problems.Add($"Teams:MicrosoftAppId must be the bot's Entra application id (a GUID), got '{MicrosoftAppId}'.");
            }

            if (string.IsNullOrWhiteSpace(MicrosoftAppPassword))
            {
                problems.Add("Teams:MicrosoftAppPassword is required when Teams:MicrosoftAppId is set (the client secret).");
            }

            if (MicrosoftAppType == TeamsAppType.SingleTenant && string.IsNullOrWhiteSpace(MicrosoftAppTenantId))
            {
                problems.Add("Teams:MicrosoftAppTenantId is required when Teams:MicrosoftAppType is SingleTenant.");
            }

            CheckUrl(problems, nameof(OpenIdMetadataUrl), OpenIdMetadataUrl);
            CheckUrl(problems, nameof(EntraOpenIdMetadataUrlTemplate), EntraOpenIdMetadataUrlTemplate.Replace("{tenant}", "t", StringComparison.Ordinal));
            CheckUrl(problems, nameof(TokenEndpoint), TokenEndpoint.Replace("{tenant}", "t", StringComparison.Ordinal));
            if (AllowedServiceUrlHosts.Any(string.IsNullOrWhiteSpace))
            {
                problems.Add("Teams:AllowedServiceUrlHosts must not contain empty entries.");
            }
        }

        if (MaxRequestBytes is < 1024 or > 4 * 1024 * 1024)
        {
            problems.Add($"Teams:MaxRequestBytes must be between 1024 and 4194304, got {MaxRequestBytes}.");
        }

        if (InboxLease < TimeSpan.FromSeconds(1) || InboxScanInterval <= TimeSpan.Zero || InboxScanInterval >= InboxLease)
        {
            problems.Add($"Teams:InboxLease must be at least 1 s and Teams:InboxScanInterval above zero and shorter than it, got {InboxLease} and {InboxScanInterval}.");
        }

        problems.AddRange(Retry.Problems("Teams:Retry"));

        if (RelayedAuthorRetention <= TimeSpan.Zero)
        {
            problems.Add($"Teams:RelayedAuthorRetention must be positive, got {RelayedAuthorRetention}.");
        }

        return problems;
    }

    private static void CheckUrl(List<string> problems, string name, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"Teams:{name} must be an absolute http(s) URL, got '{value}'.");
        }
    }
}
