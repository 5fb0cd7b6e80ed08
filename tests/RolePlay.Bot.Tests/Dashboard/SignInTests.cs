using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Bot.Web;
using RolePlay.Core.Chat;
using RolePlay.Core.CueStrips;
using RolePlay.Core.Storage;
using RolePlay.Testing.Web;

namespace RolePlay.Bot.Tests.Dashboard;

/// <summary>Deployed mode: the real host with Teams configured, sign-in through Entra ID and Slack against a fake OpenID
/// Connect provider on loopback. Two Slack workspaces share one database; each person sees only their own.</summary>
public sealed class SignInTests : IAsyncLifetime
{
    private const string Acme = "T0ACME";
    private const string Other = "T0OTHER";
    private const string EntraTenant = "3f0e2a9c-5d1b-4c7e-8f6a-1b2c3d4e5f60";

    private static readonly ChannelUser AcmeManager = new("slack", Acme, "U0MAYA", "Maya");
    private static readonly ChannelUser OtherManager = new("slack", Other, "U0OTTO", "Otto");
    private static readonly ChannelUser TeamsManager = new("teams", EntraTenant, "29:1erin", "Erin");
    private const string TeamsManagerObjectId = "0b9c7d1e-0000-4000-8000-0000000e1e1e";
    private const string TeamsTeam = "team-support";

    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-signin-").FullName;
    private FakeOidcProvider _oidc = null!;
    private DashboardHost _host = null!;

    public async Task InitializeAsync()
    {
        var db = Path.Combine(_dir, "roleplay.db");
        await using (var bot = await RouterHarness.StartAsync(db, DateTimeOffset.UtcNow.AddDays(-1)))
        {
            foreach (var (manager, workspace) in new[] { (AcmeManager, Acme), (OtherManager, Other) })
            {
                var channel = new ConversationAddress("slack", workspace, "C0SUPPORT", ConversationKind.Channel, TeamId: workspace);
                await bot.SayInAsync(channel, manager, "team standup 09:15");
                for (var i = 1; i <= 5; i++)
                {
                    await bot.SayInAsync(channel, new ChannelUser("slack", workspace, $"U0AGENT{i}", $"Agent {i}"), "team join");
                }

                await new PracticeSeed(bot).PracticeAsync(new ChannelUser("slack", workspace, "U0AGENT1", "Agent 1"), PracticeSeed.WarmAgent);
            }

            // A Teams team whose manager's chats told the bot her Entra object id (kept as her alias).
            var teamsChannel = new ConversationAddress("teams", EntraTenant, "19:support@thread.tacv2", ConversationKind.Channel, TeamId: TeamsTeam);
            await bot.SayInAsync(teamsChannel, TeamsManager, "team standup 09:15");
            for (var i = 1; i <= 5; i++)
            {
                await bot.SayInAsync(teamsChannel, new ChannelUser("teams", EntraTenant, $"29:1agent{i}", $"Agent {i}"), "team join");
            }

            await bot.Services<IPersonAliasStore>().SaveAsync(new PersonKey("teams", EntraTenant, TeamsManager.UserId), TeamsManagerObjectId,
                CancellationToken.None);
        }

        _oidc = await FakeOidcProvider.StartAsync();
        _host = await DashboardHost.StartAsync(db,
        [
            "--Teams:MicrosoftAppId=5f2b8a34-0c5e-4d7e-9a1b-2c3d4e5f6a7b",
            "--Teams:MicrosoftAppPassword=test-secret",
            .. _oidc.SignInSettings("entra"),
            .. _oidc.SignInSettings("slack"),
        ]);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _oidc.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Theory]
    [InlineData("slack", "%2F%09%2Fevil.example%2Fx")]
    [InlineData("entra", "%2F%5Cevil.example")]
    [InlineData("slack", "%2F%0D%0A%2Fevil.example")]
    [InlineData("entra", "https%3A%2F%2Fevil.example%2F")]
    public async Task A_return_url_that_would_leave_the_site_lands_on_the_dashboard(string provider, string returnUrl)
    {
        var user = provider == "slack"
            ? new Dictionary<string, string> { ["sub"] = "U0OLA", ["https://slack.com/team_id"] = Acme, ["https://slack.com/user_id"] = "U0OLA", ["name"] = "Ola" }
            : new Dictionary<string, string> { ["sub"] = "pairwise-ola", ["tid"] = EntraTenant, ["oid"] = "0b6f1c2e-0000-4000-8000-000000000001", ["name"] = "Ola" };

        await SignInAsync(provider, user, returnUrl);
    }

    [Fact]
    public async Task A_path_on_the_site_is_where_sign_in_returns()
    {
        await SignInAsync("slack", new Dictionary<string, string> { ["sub"] = "U0OLA", ["https://slack.com/team_id"] = Acme, ["https://slack.com/user_id"] = "U0OLA", ["name"] = "Ola" },
            "%2Fdashboard%2F%3Fteam%3Dx", "/dashboard/?team=x");
    }

    [Fact]
    public async Task Nothing_is_served_before_sign_in()
    {
        using var page = await _host.Client.GetAsync(new Uri("/dashboard/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/signin", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        using var api = await _host.Client.GetAsync(new Uri($"/dashboard/api/teams/{Acme}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Empty(await api.Content.ReadAsStringAsync());

        var signIn = await _host.Client.GetStringAsync(new Uri("/signin?returnUrl=/dashboard/", UriKind.Relative));
        Assert.Contains("Sign in with Microsoft", signIn, StringComparison.Ordinal);
        Assert.Contains("Sign in with Slack", signIn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slack_sign_in_issues_a_cookie_with_the_workspace_and_user_and_shows_the_managers_own_team()
    {
        var setCookie = await SignInAsync("slack", new Dictionary<string, string>
        {
            ["sub"] = "U0MAYA", ["https://slack.com/team_id"] = Acme, ["https://slack.com/user_id"] = "U0MAYA", ["name"] = "Maya from Slack",
        });
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);

        var viewer = await JsonAsync("/dashboard/api/viewer");
        Assert.Equal("U0MAYA", viewer.GetProperty("userId").GetString());
        Assert.Equal("Maya", viewer.GetProperty("displayName").GetString()); // the stored person, found by the token's ids
        Assert.True(viewer.GetProperty("isManager").GetBoolean());
        Assert.False(viewer.GetProperty("isLocal").GetBoolean());
        Assert.Equal([Acme], viewer.GetProperty("teams").EnumerateArray().Select(t => t.GetProperty("teamId").GetString()));

        var team = await JsonAsync($"/dashboard/api/teams/{Acme}");
        Assert.Equal(1, DashboardReadModelTests.Ints(team.GetProperty("activity"), "sessions").Sum());
    }

    [Fact]
    public async Task Another_tenants_or_teams_data_is_never_served()
    {
        await SignInAsync("slack", new Dictionary<string, string>
        {
            ["sub"] = "U0MAYA", ["https://slack.com/team_id"] = Acme, ["https://slack.com/user_id"] = "U0MAYA", ["name"] = "Maya",
        });

        // Otto's workspace has a team and people with the very same ids as Maya's: the URL cannot reach them.
        foreach (var url in new[]
                 {
                     $"/dashboard/api/teams/{Other}", $"/dashboard/api/teams/{Other}/kpis", "/dashboard/api/people/U0OTTO",
                     "/dashboard/api/people/U0AGENT1", $"/dashboard/api/teams/{Acme}/people",
                 })
        {
            using var response = await _host.Client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{url}: {response.StatusCode}");
            Assert.DoesNotContain("sessions", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var import = await _host.Client.PostAsync(new Uri($"/dashboard/api/teams/{Other}/kpis", UriKind.Relative),
            new StringContent("subject,week,handle_time,rework_rate,churn\nteam,2026-W01,300,,", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.NotFound, import.StatusCode);
    }

    [Fact]
    public async Task Signing_out_revokes_the_session_so_a_copied_cookie_signs_no_one_in()
    {
        await SignInAsync("slack", new Dictionary<string, string>
        {
            ["sub"] = "U0MAYA", ["https://slack.com/team_id"] = Acme, ["https://slack.com/user_id"] = "U0MAYA", ["name"] = "Maya",
        });
        var copied = _host.Cookies.GetCookieHeader(_host.BaseUri);
        using var elsewhere = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = _host.BaseUri };
        Assert.Equal(HttpStatusCode.OK, await ViewerWithCookieAsync(elsewhere, copied));

        using var signOut = await _host.Client.PostAsync(new Uri("/signout", UriKind.Relative), null);

        Assert.Equal("/signin", signOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, await ViewerWithCookieAsync(elsewhere, copied));
        using var own = await _host.Client.GetAsync(new Uri("/dashboard/api/viewer", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, own.StatusCode);
    }

    private static async Task<HttpStatusCode> ViewerWithCookieAsync(HttpClient client, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/dashboard/api/viewer", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task An_agent_sees_their_own_trend_and_not_the_team_aggregates()
    {
        await SignInAsync("slack", new Dictionary<string, string>
        {
            ["sub"] = "U0AGENT1", ["https://slack.com/team_id"] = Acme, ["https://slack.com/user_id"] = "U0AGENT1", ["name"] = "Agent 1",
        });

        Assert.Empty((await JsonAsync("/dashboard/api/viewer")).GetProperty("teams").EnumerateArray());
        var own = await JsonAsync("/dashboard/api/people/U0AGENT1");
        Assert.Equal(1, DashboardReadModelTests.Ints(own.GetProperty("activity"), "sessions").Sum());
        foreach (var url in new[] { $"/dashboard/api/teams/{Acme}", "/dashboard/api/people/U0AGENT2", "/dashboard/api/people/U0MAYA" })
        {
            using var response = await _host.Client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        // Colleagues' live practices are the facilitator's: an agent may neither watch nor nudge them.
        foreach (var url in new[] { "/facilitate", "/studio/api/facilitate/live", "/studio/api/facilitate/cues" })
        {
            using var response = await _host.Client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{url}: {response.StatusCode}");
        }

        using var nudge = await _host.Client.PostAsync(new Uri("/studio/api/facilitate/nudge", UriKind.Relative),
            new StringContent("""{"sessionId":"s","cueId":"c"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, nudge.StatusCode);
    }

    [Fact]
    public async Task A_team_made_on_the_studios_Team_page_when_signed_in_is_of_the_persons_workspace_and_can_take_a_channel()
    {
        await SignInAsync("slack", new Dictionary<string, string>
        {
            ["sub"] = "U0LEE", ["https://slack.com/team_id"] = Acme, ["https://slack.com/user_id"] = "U0LEE", ["name"] = "Lee",
        });
        using var joined = await _host.StudioPostAsync("/studio/api/people", """{"name":"Lee"}""");
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);

        using var created = await _host.StudioPostAsync("/studio/api/team", """{"name":"Night shift","timeZone":"Europe/London"}""");
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.OK, $"{created.StatusCode}: {body}");
        var team = JsonDocument.Parse(body).RootElement.GetProperty("team");

        Assert.True(team.GetProperty("connectable").GetBoolean());
        var teamId = team.GetProperty("teamId").GetString()!;
        var stored = await _host.Services.GetRequiredService<ITeamStore>().GetAsync(new TenantScope("slack", Acme), teamId, CancellationToken.None);
        Assert.Equal("Night shift", stored!.Name);
        var lee = await _host.Services.GetRequiredService<IPeopleStore>().GetAsync(new PersonKey("slack", Acme, "U0LEE"), CancellationToken.None);
        Assert.Equal((PersonRole.Manager, teamId), (lee!.Role, lee.TeamId));
    }

    [Fact]
    public async Task A_manager_signed_in_reaches_the_facilitators_live_view()
    {
        await SignInAsync("slack", new Dictionary<string, string>
        {
            ["sub"] = "U0MAYA", ["https://slack.com/team_id"] = Acme, ["https://slack.com/user_id"] = "U0MAYA", ["name"] = "Maya",
        });

        using var live = await _host.Client.GetAsync(new Uri("/studio/api/facilitate/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Entra_sign_in_maps_tid_and_oid_to_the_teams_person()
    {
        await SignInAsync("entra", new Dictionary<string, string>
        {
            ["sub"] = "pairwise-subject", ["tid"] = EntraTenant, ["oid"] = "6a1f0c2e-0000-4000-8000-00000000abcd", ["name"] = "Erin Entra",
        });

        var viewer = await JsonAsync("/dashboard/api/viewer");
        Assert.Equal("6a1f0c2e-0000-4000-8000-00000000abcd", viewer.GetProperty("userId").GetString());
        Assert.Equal("Erin Entra", viewer.GetProperty("displayName").GetString());
        Assert.Empty(viewer.GetProperty("teams").EnumerateArray());
        using var slackTeam = await _host.Client.GetAsync(new Uri($"/dashboard/api/teams/{Acme}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, slackTeam.StatusCode);
    }

    [Fact]
    public async Task An_Entra_sign_in_is_the_Teams_person_whose_object_id_the_bot_has_seen_and_sees_their_team()
    {
        await SignInAsync("entra", new Dictionary<string, string>
        {
            ["sub"] = "pairwise-subject-2", ["tid"] = EntraTenant, ["oid"] = TeamsManagerObjectId, ["name"] = "Erin Entra",
        });

        var viewer = await JsonAsync("/dashboard/api/viewer");
        Assert.Equal(TeamsManager.UserId, viewer.GetProperty("userId").GetString());
        Assert.Equal([TeamsTeam], viewer.GetProperty("teams").EnumerateArray().Select(t => t.GetProperty("teamId").GetString()));
        using var team = await _host.Client.GetAsync(new Uri($"/dashboard/api/teams/{TeamsTeam}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, team.StatusCode);
        using var slackTeam = await _host.Client.GetAsync(new Uri($"/dashboard/api/teams/{Acme}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, slackTeam.StatusCode);
    }

    [Fact]
    public async Task A_token_signed_with_an_unpublished_key_signs_no_one_in()
    {
        _oidc.SignWithRogueKey = true;
        var callback = await FollowToCallbackAsync("slack", new Dictionary<string, string>
        {
            ["sub"] = "U0MAYA", ["https://slack.com/team_id"] = Acme, ["https://slack.com/user_id"] = "U0MAYA",
        });
        using var response = await _host.Client.GetAsync(callback);
        Assert.Equal("/signin?failed=1", response.Headers.Location!.OriginalString);
        Assert.Contains("did not succeed", await _host.Client.GetStringAsync(response.Headers.Location), StringComparison.Ordinal);
        Assert.DoesNotContain(_host.Cookies.GetCookies(_host.BaseUri).Cast<Cookie>(), c => c.Name == "roleplay.signin");
        using var api = await _host.Client.GetAsync(new Uri("/dashboard/api/viewer", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task In_local_mode_only_loopback_callers_are_let_in()
    {
        await using var local = await DashboardHost.StartAsync(Path.Combine(_dir, "local.db"));
        using var fromHere = await local.Client.GetAsync(new Uri("/dashboard/api/viewer", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, fromHere.StatusCode);

        var authorization = local.Services.GetRequiredService<IAuthorizationService>();
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());
        foreach (var (address, allowed) in new[] { ("127.0.0.1", true), ("::1", true), ("192.0.2.10", false), ("10.0.0.7", false), ("::ffff:192.0.2.10", false), ("::ffff:127.0.0.1", true) })
        {
            var context = new DefaultHttpContext { RequestServices = local.Services };
            context.Connection.RemoteIpAddress = IPAddress.Parse(address);
            context.Request.Host = new HostString("localhost", 5000);
            Assert.Equal(allowed, (await authorization.AuthorizeAsync(anonymous, context, WebAccess.Policy)).Succeeded);
        }

        // DNS rebinding: this machine's address, but a page on another name.
        var rebound = new DefaultHttpContext { RequestServices = local.Services };
        rebound.Connection.RemoteIpAddress = IPAddress.Loopback;
        rebound.Request.Host = new HostString("evil.example", 5000);
        Assert.False((await authorization.AuthorizeAsync(anonymous, rebound, WebAccess.Policy)).Succeeded);
        using var reboundRequest = new HttpRequestMessage(HttpMethod.Get, new Uri("/dashboard/api/viewer", UriKind.Relative));
        reboundRequest.Headers.Host = "evil.example";
        using var reboundResponse = await local.Client.SendAsync(reboundRequest);
        Assert.Equal(HttpStatusCode.Forbidden, reboundResponse.StatusCode);

        // A refused caller is answered 403: local mode has no sign-in to send them to.
        var refused = new DefaultHttpContext { RequestServices = local.Services };
        await refused.ChallengeAsync();
        Assert.Equal(StatusCodes.Status403Forbidden, refused.Response.StatusCode);
    }

    [Fact]
    public async Task A_teams_cue_strips_go_to_its_members_only_never_to_another_team_or_workspace()
    {
        var acme = new TenantScope("slack", Acme);
        var team = await _host.Services.GetRequiredService<ITeamStore>().GetAsync(acme, Acme, default);
        await _host.Services.GetRequiredService<ICueOfTheWeekStore>().SaveAsync(
            new CueOfTheWeekRecord(acme, Acme, CueOfTheWeek.WeekOf(team!, DateTimeOffset.UtcNow), "what-else", DateTimeOffset.UtcNow), default);

        await SignInAsync("slack", new Dictionary<string, string>
        {
            ["sub"] = "U0AGENT1", ["https://slack.com/team_id"] = Acme, ["https://slack.com/user_id"] = "U0AGENT1", ["name"] = "Agent 1",
        });
        using (var own = await _host.Client.GetAsync(new Uri(CueSheetPath.Of(Acme, "svg"), UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode); // a member, not only a manager
            Assert.Contains(CueStripSheet.WeekMarkIn(null), await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        foreach (var other in new[] { Other, TeamsTeam, "team-nobody" })
        {
            using var refused = await _host.Client.GetAsync(new Uri(CueSheetPath.Of(other), UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        // Otto's workspace has a team of its own; even knowing Acme's id he gets nothing of it.
        await SignInAsync("slack", new Dictionary<string, string>
        {
            ["sub"] = "U0OTTO", ["https://slack.com/team_id"] = Other, ["https://slack.com/user_id"] = "U0OTTO", ["name"] = "Otto",
        });
        using var acmes = await _host.Client.GetAsync(new Uri(CueSheetPath.Of(Acme, "svg"), UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, acmes.StatusCode);
        Assert.DoesNotContain("Deja de adivinar", await acmes.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var his = await _host.Client.GetAsync(new Uri(CueSheetPath.Of(Other, "svg"), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, his.StatusCode);
        Assert.DoesNotContain(CueStripSheet.WeekMarkIn(null), await his.Content.ReadAsStringAsync(), StringComparison.Ordinal); // nobody picked his team's
    }

    private Task<string> SignInAsync(string provider, IReadOnlyDictionary<string, string> user, string returnUrl = "/dashboard/",
        string expectedLocation = "/dashboard/") => _host.SignInAsync(_oidc, provider, user, returnUrl, expectedLocation);

    private Task<Uri> FollowToCallbackAsync(string provider, IReadOnlyDictionary<string, string> user, string returnUrl = "/dashboard/") =>
        _host.FollowToCallbackAsync(_oidc, provider, user, returnUrl);

    private async Task<JsonElement> JsonAsync(string url)
    {
        using var response = await _host.Client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
