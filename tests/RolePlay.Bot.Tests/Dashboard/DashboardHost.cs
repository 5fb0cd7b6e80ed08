using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Bot.Hosting;
using RolePlay.Core.Storage;

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

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
