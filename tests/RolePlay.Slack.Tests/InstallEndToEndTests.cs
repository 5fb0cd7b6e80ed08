using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Core.Chat;
using RolePlay.Slack.Installs;
using RolePlay.Slack.Tests.Infrastructure;

namespace RolePlay.Slack.Tests;

public sealed class InstallEndToEndTests
{
    [Fact]
    public async Task Two_workspaces_install_with_OAuth_and_each_is_served_with_its_own_encrypted_token()
    {
        await using var host = await SlackTestHost.StartAsync();
        await InstallWithOAuthAsync(host, "TA", "xoxb-token-A", "code-A");
        await InstallWithOAuthAsync(host, "TB", "xoxb-token-B", "code-B");

        var store = (InMemorySlackInstallStore)host.Services.GetRequiredService<ISlackInstallStore>();
        Assert.Equal(2, store.StoredRecords.Count);
        Assert.All(store.StoredRecords, r => Assert.DoesNotContain("xoxb-", r.BotToken, StringComparison.Ordinal));
        Assert.Equal("xoxb-token-A", (await store.FindAsync("TA", CancellationToken.None))!.BotToken);

        host.Router.Answer = e => new RouterResult([new TextOut("hi " + e.From.TenantId)]);
        await host.PostEventAsync(Payloads.Event(Payloads.DirectMessage("a"), team: "TA"));
        await host.Api.WaitForCallAsync("chat.postMessage");
        await host.PostEventAsync(Payloads.Event(Payloads.DirectMessage("b"), team: "TB"));
        await host.Api.WaitForCallAsync("chat.postMessage", 2);

        var posts = host.Api.CallsTo("chat.postMessage");
        Assert.Equal("Bearer xoxb-token-A", posts.Single(p => p.Str("text") == "hi TA").Authorization);
        Assert.Equal("Bearer xoxb-token-B", posts.Single(p => p.Str("text") == "hi TB").Authorization);
        var exchange = host.Api.CallsTo("oauth.v2.access")[0];
        Assert.StartsWith("Basic ", exchange.Authorization, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-cookie")]
    [InlineData("forged-state")]
    [InlineData("no-state")]
    [InlineData("other-flows-state")]
    public async Task A_callback_whose_state_does_not_match_is_refused_and_nothing_is_stored(string attack)
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Api.OAuthCodes["code-X"] = Access("TX", "xoxb-x");
        var state = await BeginAsync(host.Client);
        using var stranger = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.Client.BaseAddress };
        using var cookieless = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.Client.BaseAddress };
        var otherState = await BeginAsync(stranger);
        var (client, query) = attack switch
        {
            "no-cookie" => (cookieless, $"?code=code-X&state={Uri.EscapeDataString(state)}"),
            "forged-state" => (host.Client, "?code=code-X&state=CfDJ8forged"),
            "no-state" => (host.Client, "?code=code-X"),
            _ => (host.Client, $"?code=code-X&state={Uri.EscapeDataString(otherState)}"),
        };

        using var response = await client.GetAsync(SlackEndpoints.OAuthCallbackPath + query);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Null(await host.Installs.FindAsync("TX", CancellationToken.None));
        Assert.Empty(host.Api.CallsTo("oauth.v2.access"));
    }

    [Fact]
    public async Task Single_workspace_mode_learns_its_workspace_and_refuses_any_other()
    {
        var api = await FakeSlackApi.StartAsync();
        api.Tokens["xoxb-single"] = "T1";
        await using var host = await SlackTestHost.StartAsync(api, new() { ["Slack:BotToken"] = "xoxb-single" });
        host.Router.Answer = _ => new RouterResult([new TextOut("ok")]);

        var foreign = await host.PostEventAsync(Payloads.Event(Payloads.DirectMessage("intruder"), team: "T2"));
        var foreignCommand = await host.PostCommandAsync(Payloads.Command("start", team: "T2"));
        var own = await host.PostEventAsync(Payloads.Event(Payloads.DirectMessage("mine"), team: "T1"));

        Assert.Equal(403, foreign.Status);
        Assert.Equal(403, foreignCommand.Status);
        Assert.Equal(200, own.Status);
        Assert.Equal("mine", (await host.Router.WaitForAsync<MessageReceived>()).Text);
        Assert.Equal("Bearer xoxb-single", (await host.Api.WaitForCallAsync("chat.postMessage")).Authorization);
        await Task.Delay(200);
        Assert.Single(host.Router.Events);
    }

    [Fact]
    public async Task The_redirect_uri_is_the_configured_one_whatever_Host_the_request_names()
    {
        await using var host = await SlackTestHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, SlackEndpoints.InstallPath);
        request.Headers.Host = "evil.example";

        using var redirect = await host.Client.SendAsync(request);

        Assert.Equal(302, (int)redirect.StatusCode);
        Assert.Equal(SlackTestHost.RedirectUri, QueryHelpers.ParseQuery(redirect.Headers.Location!.Query)["redirect_uri"].ToString());
    }

    private static async Task InstallWithOAuthAsync(SlackTestHost host, string team, string token, string code)
    {
        host.Api.OAuthCodes[code] = Access(team, token);
        host.Api.Tokens[token] = team;
        var state = await BeginAsync(host.Client);
        using var callback = await host.Client.GetAsync($"{SlackEndpoints.OAuthCallbackPath}?code={code}&state={Uri.EscapeDataString(state)}");
        Assert.Equal(200, (int)callback.StatusCode);
    }

    private static async Task<string> BeginAsync(HttpClient client)
    {
        using var redirect = await client.GetAsync(SlackEndpoints.InstallPath);
        Assert.Equal(302, (int)redirect.StatusCode);
        var location = redirect.Headers.Location!;
        Assert.StartsWith("https://slack.com/oauth/v2/authorize?", location.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Contains("chat:write", query["scope"].ToString(), StringComparison.Ordinal);
        Assert.Equal(SlackTestHost.RedirectUri, query["redirect_uri"].ToString());
        return query["state"].ToString();
    }

    private static JsonObject Access(string team, string token) => new()
    {
        ["ok"] = true, ["access_token"] = token, ["token_type"] = "bot", ["bot_user_id"] = "UBOT", ["app_id"] = "A1",
        ["team"] = new JsonObject { ["id"] = team, ["name"] = "Team " + team }, ["enterprise"] = null, ["is_enterprise_install"] = false,
        ["authed_user"] = new JsonObject { ["id"] = "U1" },
    };
}
