using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Bot.Tests.Dashboard;
using RolePlay.Bot.Web;

namespace RolePlay.Bot.Tests.Web;

/// <summary>Every route of a deployment with Teams, Slack and sign-in configured states who may use it, and the routes
/// are exactly the roles table of docs/ARCHITECTURE.md ("Who may call each route"): a route added without a rule, or
/// with another rule, fails here; then each protected route is called with no sign-in at all and refused.</summary>
public sealed class RouteRolesTests : IAsyncLifetime
{
    private const string Anyone = "anyone (the platform's own proof, or none)";
    private const string SignedIn = "signed in";
    private const string TeamManager = "signed in; the team's data only to its manager";
    private const string Facilitator = "a manager (facilitator)";
    private const string TeamMember = "signed in; a team's sheet only to its members";
    private const string ClipAudience = "signed in; a team's clips only to its members, a managers-only clip only to its managers";

    /// <summary>The roles table.</summary>
    private static readonly Dictionary<string, string> Roles = new(StringComparer.Ordinal)
    {
        ["POST /api/messages"] = Anyone,
        ["POST /api/slack/events"] = Anyone,
        ["POST /api/slack/interactions"] = Anyone,
        ["POST /api/slack/commands"] = Anyone,
        ["GET /api/slack/install"] = Anyone,
        ["GET /api/slack/oauth/callback"] = Anyone,
        ["GET /favicon.ico"] = Anyone,
        ["GET /healthz"] = Anyone,
        ["GET /healthz/live"] = Anyone,
        ["GET /healthz/ready"] = Anyone,
        ["GET /signin"] = Anyone,
        ["GET /signin/{scheme}"] = Anyone,
        ["POST /signout"] = Anyone,
        ["GET /"] = SignedIn,
        ["GET /studio/assets/{**name}"] = SignedIn,
        ["GET /studio/api/me"] = SignedIn,
        ["POST /studio/api/people"] = SignedIn,
        ["GET /studio/api/scenarios"] = SignedIn,
        ["GET /studio/api/conversation"] = SignedIn,
        ["GET /studio/api/events"] = SignedIn,
        ["POST /studio/api/messages"] = SignedIn,
        ["POST /studio/api/submit"] = SignedIn,
        ["GET /studio/api/practice"] = SignedIn,
        ["GET /studio/api/practices/{sessionId}/report"] = SignedIn,
        ["GET /studio/api/team"] = SignedIn,
        ["POST /studio/api/team"] = SignedIn,
        ["PUT /studio/api/team"] = SignedIn,
        ["PUT /studio/api/team/voice"] = SignedIn,
        ["PUT /studio/api/team/cues"] = SignedIn,
        ["POST /studio/api/team/leave"] = SignedIn,
        ["POST /studio/api/invites/look"] = SignedIn,
        ["POST /studio/api/invites/accept"] = SignedIn,
        ["PUT /studio/api/me/schedule"] = SignedIn,
        ["GET /studio/api/clips"] = SignedIn,
        ["POST /studio/api/clips"] = SignedIn,
        ["DELETE /studio/api/clips/{teamId}/{clipId}"] = SignedIn,
        ["PUT /studio/api/team/clips"] = SignedIn,
        ["GET /dashboard/"] = SignedIn,
        ["GET /dashboard/assets/{name}"] = SignedIn,
        ["GET /dashboard/api/viewer"] = SignedIn,
        ["GET /dashboard/api/people/{userId}"] = SignedIn,
        ["GET /dashboard/api/teams/{teamId}"] = TeamManager,
        ["GET /dashboard/api/teams/{teamId}/people"] = TeamManager,
        ["GET /dashboard/api/teams/{teamId}/roster"] = TeamManager,
        ["PUT /dashboard/api/teams/{teamId}/members/{userId}/new-hire"] = TeamManager,
        ["GET /dashboard/api/teams/{teamId}/kpis"] = TeamManager,
        ["POST /dashboard/api/teams/{teamId}/kpis"] = TeamManager,
        ["GET /dashboard/api/teams/{teamId}/learning-records"] = TeamManager,
        ["GET /dashboard/api/teams/{teamId}/peer-coaching"] = TeamManager,
        ["GET /dashboard/api/teams/{teamId}/clips"] = ClipAudience,
        ["GET /dashboard/api/teams/{teamId}/clips/{clipId}/audio"] = ClipAudience,
        ["GET /cues/strips.pdf"] = SignedIn,
        ["GET /cues/strips.svg"] = SignedIn,
        ["GET /cues/teams/{teamId}/strips.pdf"] = TeamMember,
        ["GET /cues/teams/{teamId}/strips.svg"] = TeamMember,
        ["GET /facilitate"] = Facilitator,
        ["GET /studio/api/facilitate/live"] = Facilitator,
        ["GET /studio/api/facilitate/cues"] = Facilitator,
        ["POST /studio/api/facilitate/nudge"] = Facilitator,
    };

    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-roles-").FullName;
    private DashboardHost _host = null!;

    public async Task InitializeAsync() => _host = await DashboardHost.StartAsync(Path.Combine(_dir, "roleplay.db"),
        "--Teams:MicrosoftAppId=5f2b8a34-0c5e-4d7e-9a1b-2c3d4e5f6a7b", "--Teams:MicrosoftAppPassword=test-secret",
        "--Slack:SigningSecret=roles-secret", "--Slack:ClientId=1.2", "--Slack:ClientSecret=roles-client-secret",
        "--Slack:RedirectUri=https://roleplay.example/api/slack/oauth/callback", "--Slack:ApiBaseUrl=http://127.0.0.1:9/api/",
        "--Web:Slack:ClientId=1.2", "--Web:Slack:ClientSecret=roles-client-secret", "--Web:Slack:Authority=http://127.0.0.1:9",
        $"--DataProtection:KeysPath={Path.Combine(_dir, "keys")}");

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Every_route_is_in_the_roles_table_with_the_rule_it_states()
    {
        var routes = _host.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => (Route: $"{m} {Pattern(e)}", Endpoint: e)))
            .ToList();

        Assert.Equal(Roles.Keys.Order(StringComparer.Ordinal), routes.Select(r => r.Route).Order(StringComparer.Ordinal));
        foreach (var (route, endpoint) in routes)
        {
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            var stated = anonymous ? Anyone
                : policies.Contains(WebAccess.FacilitatorPolicy) ? Facilitator
                : policies.Contains(WebAccess.Policy) ? (Roles[route] is TeamManager or TeamMember or ClipAudience ? Roles[route] : SignedIn)
                : "no rule (left to the fallback)";
            Assert.True(stated == Roles[route], $"{route}: states '{stated}', the table says '{Roles[route]}'");
        }
    }

    [Fact]
    public async Task Every_protected_route_refuses_a_caller_who_is_not_signed_in()
    {
        foreach (var (route, role) in Roles.Where(r => r.Value != Anyone))
        {
            var (method, pattern) = (route[..route.IndexOf(' ', StringComparison.Ordinal)], route[(route.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
            var path = pattern.Replace("{teamId}", "T0ACME", StringComparison.Ordinal).Replace("{userId}", "U0MAYA", StringComparison.Ordinal)
                .Replace("{name}", "dashboard.js", StringComparison.Ordinal).Replace("{**name}", "studio.js", StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
            if (method != "GET")
            {
                request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                request.Headers.Add("X-RolePlay-Studio", "1");
            }

            using var response = await _host.Client.SendAsync(request);

            var refused = response.StatusCode == HttpStatusCode.Unauthorized
                || (response.StatusCode == HttpStatusCode.Redirect && new Uri(_host.BaseUri, response.Headers.Location!).AbsolutePath == "/signin");
            Assert.True(refused, $"{route} ({role}) answered {(int)response.StatusCode} to a caller with no sign-in");
        }
    }

    private static string Pattern(RouteEndpoint endpoint) => "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
}
