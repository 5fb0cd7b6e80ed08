using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Core.Storage;
using RolePlay.Slack;
using RolePlay.Slack.Installs;
using RolePlay.Testing.Slack;

namespace RolePlay.Bot.Tests.Slack;

/// <summary>Workspaces through the real host in OAuth mode: installs for two workspaces that never see each other's
/// data, tokens encrypted in the SQLite row, and the Web API errors that purge an install or mark a person gone.</summary>
public sealed class SlackWorkspaceEndToEndTests : IAsyncLifetime
{
    private const string Person = "USAME";
    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-slack-ws-").FullName;
    private FakeSlackApi _api = null!;
    private SlackBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeSlackApi.StartAsync();
        _host = await SlackBotHost.StartOAuthAsync(_api, _dir);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Two_workspaces_install_with_OAuth_and_no_data_crosses_between_them()
    {
        await InstallAsync("TALPHA", "xoxb-alpha-secret");
        await InstallAsync("TBETA", "xoxb-beta-secret");
        var installCalls = _api.Calls.Count;

        // The same user id in both workspaces: two people. Alpha starts a scene; Beta's words are not Alpha's scene.
        await _host.SayAsync("Ev-a1", Person, "start bereavement-closure", team: "TALPHA");
        await _host.DrainAsync();
        var alphaCalls = _api.Calls.Count;
        await _host.SayAsync("Ev-b1", Person, "time 08:15", team: "TBETA");
        await _host.DrainAsync();

        var betaCalls = _api.Calls.Skip(alphaCalls).ToList();
        Assert.NotEmpty(betaCalls);
        Assert.All(betaCalls, c => Assert.Equal("Bearer xoxb-beta-secret", c.Authorization));
        Assert.All(_api.Calls.Take(alphaCalls).Skip(installCalls), c => Assert.Equal("Bearer xoxb-alpha-secret", c.Authorization));
        Assert.Contains(betaCalls, c => c.Str("text")?.Contains("Prompt time saved", StringComparison.Ordinal) == true);

        var alpha = await _host.People.GetWithLiveSessionAsync(new PersonKey("slack", "TALPHA", Person), default);
        var beta = await _host.People.GetWithLiveSessionAsync(new PersonKey("slack", "TBETA", Person), default);
        Assert.NotNull(alpha.LiveSession);
        Assert.Null(beta.LiveSession);
        Assert.Null(alpha.Person!.DailyPromptTime);
        Assert.Equal(new TimeOnly(8, 15), beta.Person!.DailyPromptTime);
    }

    [Fact]
    public async Task Bot_tokens_are_encrypted_in_the_SQLite_row()
    {
        await InstallAsync("TALPHA", "xoxb-alpha-secret");

        await using var connection = new SqliteConnection($"Data Source={_host.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT body FROM rows WHERE tbl = 'SlackInstalls'";
        var body = (string)(await command.ExecuteScalarAsync())!;

        Assert.Contains("TALPHA", body);
        Assert.DoesNotContain("xoxb-", body);
        foreach (var file in Directory.GetFiles(_dir, "roleplay.db*"))
        {
            Assert.False(Contains(await File.ReadAllBytesAsync(file), "xoxb-alpha-secret"u8), $"{Path.GetFileName(file)} holds the token in clear");
        }

        // ... and yet the bot can use it: a DM is answered with the token it decrypted.
        await _host.SayAsync("Ev-enc", Person, "help", team: "TALPHA");
        await _host.DrainAsync();
        Assert.Equal("Bearer xoxb-alpha-secret", (await _api.WaitForCallAsync("chat.postMessage")).Authorization);
    }

    [Fact]
    public async Task A_revoked_token_purges_the_install_and_nothing_more_is_sent_with_it()
    {
        await InstallAsync("TALPHA", "xoxb-alpha-secret");
        _api.Script("chat.postMessage", FakeSlackApi.Error("token_revoked"));

        await _host.SayAsync("Ev-rev", Person, "help", team: "TALPHA");
        await _host.DrainAsync();

        Assert.Null(await _host.Services.GetRequiredService<IChannelInstallStore>().GetAsync(new TenantScope("slack", "TALPHA"), default));
        var callsAfterPurge = _api.Calls.Count;
        Assert.Equal(200, (await _host.SayAsync("Ev-rev-2", Person, "help", team: "TALPHA")).Status);
        await _host.DrainAsync();
        Assert.Equal(callsAfterPurge, _api.Calls.Count);
    }

    [Theory]
    [InlineData("app_uninstalled")]
    [InlineData("tokens_revoked")]
    public async Task Uninstall_and_revocation_events_purge_the_install(string type)
    {
        await InstallAsync("TALPHA", "xoxb-alpha-secret");
        var evt = new JsonObject { ["type"] = type, ["event_ts"] = SlackBotHost.Ts() };
        if (type == "tokens_revoked")
        {
            evt["tokens"] = new JsonObject { ["oauth"] = new JsonArray(), ["bot"] = new JsonArray("UBOTTALPHA") };
        }

        Assert.Equal(200, (await _host.PostEventAsync(SlackBotHost.Event("Ev-" + type, evt, "TALPHA"))).Status);
        await _host.DrainAsync();

        Assert.Null(await _host.Services.GetRequiredService<ISlackInstallStore>().FindAsync("TALPHA", default));
    }

    [Theory]
    [InlineData("chat.postMessage", "account_inactive")]
    [InlineData("chat.postMessage", "user_not_found")]
    public async Task A_person_Slack_says_is_gone_is_marked_unreachable(string method, string error)
    {
        await InstallAsync("TALPHA", "xoxb-alpha-secret");
        await _host.SayAsync("Ev-ok", Person, "time 09:00", team: "TALPHA");
        await _host.DrainAsync();
        var key = new PersonKey("slack", "TALPHA", Person);
        Assert.Null((await _host.People.GetAsync(key, default))!.UnreachableSinceUtc);

        _api.Script(method, FakeSlackApi.Error(error));
        await _host.SayAsync("Ev-gone", Person, "help", team: "TALPHA");
        await _host.DrainAsync();

        var person = (await _host.People.GetAsync(key, default))!;
        Assert.NotNull(person.UnreachableSinceUtc);
        Assert.Null(person.NextPromptUtc);
        Assert.Equal(new TimeOnly(9, 0), person.DailyPromptTime);
    }

    [Fact]
    public async Task A_person_gone_when_their_Home_is_published_is_marked_unreachable()
    {
        await InstallAsync("TALPHA", "xoxb-alpha-secret");
        _api.Script("views.publish", FakeSlackApi.Error("user_not_found"));

        await _host.PostEventAsync(SlackBotHost.Event("Ev-home", new JsonObject
        {
            ["type"] = "app_home_opened", ["user"] = Person, ["channel"] = "D" + Person, ["tab"] = "home", ["event_ts"] = SlackBotHost.Ts(),
        }, "TALPHA"));
        await _host.DrainAsync();

        Assert.NotNull((await _host.People.GetAsync(new PersonKey("slack", "TALPHA", Person), default))!.UnreachableSinceUtc);
    }

    /// <summary>The OAuth dance as a browser does it: /install sets the state cookie, Slack calls back with a code.</summary>
    private async Task InstallAsync(string team, string token)
    {
        var code = "code-" + team;
        _api.OAuthCodes[code] = new JsonObject
        {
            ["ok"] = true, ["access_token"] = token, ["token_type"] = "bot", ["bot_user_id"] = "UBOT" + team, ["app_id"] = "A0E2E",
            ["team"] = new JsonObject { ["id"] = team, ["name"] = "Team " + team }, ["enterprise"] = null, ["is_enterprise_install"] = false,
            ["authed_user"] = new JsonObject { ["id"] = "UINSTALLER" },
        };
        _api.Tokens[token] = team;
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = _host.Client.BaseAddress };
        using var redirect = await browser.GetAsync(SlackEndpoints.InstallPath);
        Assert.Equal(302, (int)redirect.StatusCode);
        var state = QueryHelpers.ParseQuery(redirect.Headers.Location!.Query)["state"].ToString();

        using var callback = await browser.GetAsync($"{SlackEndpoints.OAuthCallbackPath}?code={code}&state={Uri.EscapeDataString(state)}");

        Assert.Equal(200, (int)callback.StatusCode);
    }

    private static bool Contains(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
