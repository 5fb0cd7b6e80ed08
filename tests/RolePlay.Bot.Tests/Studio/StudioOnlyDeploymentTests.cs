using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Bot.Tests.Dashboard;
using RolePlay.Core.Chat;
using RolePlay.Core.Routines;
using RolePlay.Core.Storage;
using RolePlay.Testing.Web;

namespace RolePlay.Bot.Tests.Studio;

/// <summary>A team with neither a Teams nor a Slack bot, deployed: web sign-in alone (here Sign in with Slack against a
/// fake OpenID Connect provider on loopback) makes the studio and dashboard a signed-in site, no bot endpoint is open,
/// and the practice that would be a Slack DM waits on the person's studio page.</summary>
public sealed class StudioOnlyDeploymentTests : IAsyncLifetime
{
    private const string Workspace = "T0ACME";

    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-studio-only-").FullName;
    private FakeOidcProvider _oidc = null!;
    private DashboardHost _host = null!;

    public async Task InitializeAsync()
    {
        _oidc = await FakeOidcProvider.StartAsync();
        _host = await DashboardHost.StartAsync(Path.Combine(_dir, "roleplay.db"), _oidc.SignInSettings("slack"));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _oidc.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Sign_in_alone_makes_a_signed_in_studio_with_no_bot_endpoint_open()
    {
        // Even from this machine: it is a deployment, not local mode.
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Client.GetAsync(new Uri("/studio/api/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Client.GetAsync(new Uri("/dashboard/api/viewer", UriKind.Relative))).StatusCode);
        foreach (var bot in new[] { "/api/messages", "/slack/events" })
        {
            using var posted = await _host.Client.PostAsync(new Uri(bot, UriKind.Relative), new StringContent("{}"));
            // Not a bot's door: nothing there, or the site's sign-in.
            Assert.True(posted.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized
                        || (posted.Headers.Location is { } to && new Uri(_host.BaseUri, to).AbsolutePath == "/signin"),
                $"{bot}: {posted.StatusCode} {posted.Headers.Location}");
        }
    }

    [Fact]
    public async Task A_signed_in_person_makes_a_team_and_their_daily_practice_waits_on_their_studio_page()
    {
        await _host.SignInAsync(_oidc, "slack", new Dictionary<string, string>
        {
            ["sub"] = "U0LEE", ["https://slack.com/team_id"] = Workspace, ["https://slack.com/user_id"] = "U0LEE", ["name"] = "Lee",
        });
        (await _host.StudioPostAsync("/studio/api/people", """{"name":"Lee"}""")).EnsureSuccessStatusCode();
        using var created = await _host.StudioPostAsync("/studio/api/team", """{"name":"Night shift","timeZone":"Europe/London"}""");
        var team = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("team");
        Assert.True(team.GetProperty("connectable").GetBoolean());
        Assert.False(string.IsNullOrEmpty(team.GetProperty("invite").GetString()));

        // What a routine hands the Slack platform's sender: here there is no Slack bot, so it is the studio page.
        var slack = RolePlay.Slack.Inbound.SlackInbound.Platform;
        var sender = Assert.Single(_host.Services.GetServices<IProactiveSender>(), s => s.Platform == slack);
        var outcome = await sender.SendAsync(new RoutineTarget.Person(new PersonKey(slack, Workspace, "U0LEE")),
            [new TextOut("Time for today's three-minute practice?")], CancellationToken.None);

        Assert.IsType<ProactiveOutcome.Sent>(outcome);
        var page = await _host.Client.GetStringAsync(new Uri("/studio/api/conversation", UriKind.Relative));
        Assert.Contains("Time for today's three-minute practice?", page, StringComparison.Ordinal);
    }
}
