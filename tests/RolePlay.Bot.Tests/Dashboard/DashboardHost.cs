using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Bot.Hosting;
using RolePlay.Core.Storage;
using RolePlay.Testing.Web;

namespace RolePlay.Bot.Tests.Dashboard;

/// <summary>The real host (<see cref="BotHost.Build"/>) on a loopback port over a SQLite file, in local mode unless
/// extra arguments configure a channel and sign-in.</summary>
internal sealed class DashboardHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DashboardHost(WebApplication app, Uri baseUri, CookieContainer cookies)
    {
        _app = app;
        BaseUri = baseUri;
        Cookies = cookies;
        Client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseUri };
    }

    public Uri BaseUri { get; }

    public CookieContainer Cookies { get; }

    /// <summary>Keeps cookies, does not follow redirects (tests follow them step by step).</summary>
    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static Task<DashboardHost> StartAsync(string databasePath, params string[] extra) => StartAsync(databasePath, null, extra);

    /// <param name="overrides">Replaces services after the host's own (a log capture, a fake clock).</param>
    public static async Task<DashboardHost> StartAsync(string databasePath, Action<IServiceCollection>? overrides, params string[] extra)
    {
        var app = BotHost.Build(
        [
            "--urls", "http://127.0.0.1:0",
            $"--Storage:Sqlite:Path={databasePath}",
            "--Logging:LogLevel:Default=Warning",
            .. extra,
        ], [], overrides);
        await app.Services.GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new DashboardHost(app, new Uri(address.TrimEnd('/') + "/"), new CookieContainer());
    }

    /// <summary>The browser's journey: the sign-in link, the provider's authorize page (which signs the person in at
    /// once), back to the bot's callback, which sets the cookie and returns to <paramref name="expectedLocation"/>.</summary>
    public async Task<string> SignInAsync(FakeOidcProvider oidc, string provider, IReadOnlyDictionary<string, string> user,
        string returnUrl = "/dashboard/", string expectedLocation = "/dashboard/")
    {
        var callback = await FollowToCallbackAsync(oidc, provider, user, returnUrl);
        using var done = await Client.GetAsync(callback);
        Assert.True(done.StatusCode == HttpStatusCode.Redirect, $"callback answered {done.StatusCode}: {await done.Content.ReadAsStringAsync()}");
        Assert.Equal(expectedLocation, done.Headers.Location!.OriginalString);
        return done.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("roleplay.signin=", StringComparison.Ordinal));
    }

    public async Task<Uri> FollowToCallbackAsync(FakeOidcProvider oidc, string provider, IReadOnlyDictionary<string, string> user,
        string returnUrl = "/dashboard/")
    {
        oidc.NextUser = user;
        using var challenge = await Client.GetAsync(new Uri($"/signin/{provider}?returnUrl={returnUrl}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var authorize = await browser.GetAsync(challenge.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        return authorize.Headers.Location!;
    }

    /// <summary>A write as the studio's pages send it: JSON with the antiforgery header.</summary>
    public Task<HttpResponseMessage> StudioPostAsync(string url, string json) => StudioSendAsync(HttpMethod.Post, url, json);

    public async Task<HttpResponseMessage> StudioSendAsync(HttpMethod method, string url, string json)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative))
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(RolePlay.Studio.Http.StudioRequests.AntiforgeryHeader, "1");
        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
