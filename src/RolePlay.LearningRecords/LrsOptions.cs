using RolePlay.Core;
using RolePlay.Core.Storage;

namespace RolePlay.LearningRecords;

/// <summary>Which statements a team's learning record store receives.</summary>
public enum StatementKind
{
    /// <summary>A practice attempted, completed with its rubric, passed or failed.</summary>
    Practice,

    /// <summary>The debrief's one commitment.</summary>
    Commitment,

    /// <summary>The check-in on the commitment a week later.</summary>
    CheckIn,

    /// <summary>Recognitions of posts in the team's channels (a manager's, and empathy wins), withdrawn (voided) when
    /// the reaction is taken back. Only when the team lists it: they name who reacted.</summary>
    Recognition,

    /// <summary>Peer checklists: who reviewed whose practice, each behaviour's answer beside the rubric's, and the
    /// learner finding it helpful — never the two lines the peer wrote, which are the learner's alone. Only when the
    /// team lists it: they name the reviewer.</summary>
    PeerReview,
}

/// <summary><c>Lrs:*</c>: off until a tenant is listed. A listed tenant's statements are kept in the bot's store (for
/// <c>lrs export</c>); with an LRS (<c>Lrs:Tenants:0:Endpoint</c>, the xAPI base URL that <c>statements</c> is under,
/// how to sign in: basic, or OAuth client credentials) they are also sent to it. Each tenant chooses the xAPI version
/// and which statements to keep.</summary>
public sealed class LrsOptions
{
    public const string SectionName = "Lrs";

    public List<LrsTenantOptions> Tenants { get; init; } = [];

    /// <summary>How often waiting statements are looked for.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Statements per POST.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>The longest wait after a failed send (doubling from one second), unless the LRS says Retry-After.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public LrsTenantOptions? For(TenantScope tenant) =>
        Tenants.FirstOrDefault(t => t.Platform == tenant.Platform.Id && t.TenantId == tenant.TenantId);

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        for (var i = 0; i < Tenants.Count; i++)
        {
            problems.AddRange(Tenants[i].Problems($"{SectionName}:Tenants:{i}"));
        }

        if (Tenants.GroupBy(t => (t.Platform, t.TenantId)).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            problems.Add($"{SectionName}:Tenants lists {twice.Key.Platform} tenant '{twice.Key.TenantId}' twice.");
        }

        if (ScanInterval <= TimeSpan.Zero || MaxBackoff < TimeSpan.FromSeconds(1) || RequestTimeout <= TimeSpan.Zero)
        {
            problems.Add($"{SectionName}:ScanInterval and {SectionName}:RequestTimeout must be positive and {SectionName}:MaxBackoff at least 1 s.");
        }

        if (BatchSize is < 1 or > 500)
        {
            problems.Add($"{SectionName}:BatchSize must be between 1 and 500, got {BatchSize}.");
        }

        return problems;
    }
}

/// <summary>One tenant's LRS. <see cref="HomePage"/> is the account home page of its people's actors: by default
/// their Teams tenant (<c>https://teams.microsoft.com/?tenantId=…</c>) or Slack workspace
/// (<c>https://app.slack.com/client/…</c>); another platform must set it.</summary>
public sealed class LrsTenantOptions
{
    public static readonly IReadOnlyList<string> Versions = ["1.0.3", "2.0.0"];

    public string Platform { get; set; } = "";

    public string TenantId { get; set; } = "";

    public Uri? Endpoint { get; set; }

    public string Version { get; set; } = "1.0.3";

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>OAuth 2.0 client credentials instead of basic: the token URL, client id and secret (and a scope if
    /// the LRS asks for one).</summary>
    public Uri? TokenUrl { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string? Scope { get; set; }

    public string? HomePage { get; set; }

    /// <summary>Which statements to keep; none listed means <see cref="Defaults"/>.</summary>
    public List<StatementKind> Send { get; init; } = [];

    public static IReadOnlyList<StatementKind> Defaults { get; } = [StatementKind.Practice, StatementKind.Commitment, StatementKind.CheckIn];

    public TenantScope Tenant => new(Platform, TenantId);

    public bool Sends(StatementKind kind) => (Send.Count == 0 ? Defaults : Send).Contains(kind);

    public bool UsesOAuth => TokenUrl is not null;

    public string ActorHomePage => HomePage ?? Platform switch
    {
        "teams" => $"https://teams.microsoft.com/?tenantId={Uri.EscapeDataString(TenantId)}",
        "slack" => $"https://app.slack.com/client/{Uri.EscapeDataString(TenantId)}",
        _ => throw new InvalidOperationException($"Lrs: a {Platform} tenant needs a HomePage."),
    };

    internal IEnumerable<string> Problems(string at)
    {
        if (string.IsNullOrWhiteSpace(Platform) || string.IsNullOrWhiteSpace(TenantId))
        {
            yield return $"{at}:Platform and {at}:TenantId are required.";
        }
        else if (HomePage is null && Platform is not ("teams" or "slack"))
        {
            yield return $"{at}:HomePage is required for a {Platform} tenant (the actors' account home page).";
        }

        foreach (var problem in EndpointProblems(at))
        {
            yield return problem;
        }

        if (HomePage is not null && !Uri.TryCreate(HomePage, UriKind.Absolute, out _))
        {
            yield return $"{at}:HomePage must be an absolute URL, got '{HomePage}'.";
        }

        if (!Versions.Contains(Version))
        {
            yield return $"{at}:Version must be one of {string.Join(", ", Versions)}, got '{Version}'.";
        }
    }

    /// <summary>No endpoint: the statements are only kept. With one, it is https and a way to sign in is set.</summary>
    private IEnumerable<string> EndpointProblems(string at)
    {
        var basic = !string.IsNullOrEmpty(Username) || !string.IsNullOrEmpty(Password);
        if (Endpoint is null)
        {
            if (basic || UsesOAuth)
            {
                yield return $"{at}: credentials are set but no Endpoint to use them with.";
            }

            yield break;
        }

        if (!IsWebUrl(Endpoint, out var endpointProblem))
        {
            yield return $"{at}:Endpoint {endpointProblem}";
        }
        else if (!Endpoint.AbsolutePath.EndsWith('/'))
        {
            yield return $"{at}:Endpoint must end with '/' (statements is under it), got '{Endpoint}'.";
        }

        if (basic == UsesOAuth)
        {
            yield return $"{at}: set either Username and Password (basic) or TokenUrl, ClientId and ClientSecret (OAuth), not both or neither.";
        }
        else if (basic && (string.IsNullOrEmpty(Username) || string.IsNullOrEmpty(Password)))
        {
            yield return $"{at}:Username and {at}:Password go together.";
        }
        else if (UsesOAuth && (!IsWebUrl(TokenUrl, out _) || string.IsNullOrEmpty(ClientId) || string.IsNullOrEmpty(ClientSecret)))
        {
            yield return $"{at}:TokenUrl must be an https URL (http on loopback only), with {at}:ClientId and {at}:ClientSecret.";
        }
    }

    /// <summary>Credentials go over https; http only to this machine (a local LRS, tests).</summary>
    private static bool IsWebUrl(Uri? url, out string problem)
    {
        problem = $"must be an https URL (http on loopback only), got '{url}'.";
        return url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback));
    }
}
