using System.Net;
using RolePlay.Bot.Tests.Dashboard;
using RolePlay.Testing.Web;

namespace RolePlay.Bot.Tests.Web;

/// <summary>Behind a reverse proxy that ends TLS, the sign-in redirect URI must name https: the proxy's
/// X-Forwarded-Proto is believed from a configured proxy (here this machine) and from no one else.</summary>
public sealed class ProxyTrustTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-proxy-").FullName;
    private FakeOidcProvider _oidc = null!;

    public async Task InitializeAsync() => _oidc = await FakeOidcProvider.StartAsync();

    public async Task DisposeAsync()
    {
        await _oidc.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Theory]
    [InlineData("--ForwardedHeaders:KnownProxies:0=127.0.0.1", "https")]
    [InlineData("--ForwardedHeaders:KnownNetworks:0=127.0.0.0/8", "https")]
    [InlineData("--ForwardedHeaders:KnownProxies:0=10.0.0.5", "http")] // another proxy: this caller's headers are not believed
    [InlineData("--Logging:LogLevel:Default=Warning", "http")] // no proxy configured
    public async Task The_forwarded_scheme_is_believed_only_from_a_configured_proxy(string setting, string scheme)
    {
        await using var host = await DashboardHost.StartAsync(Path.Combine(_dir, $"{Guid.NewGuid():N}.db"),
        [
            "--Teams:MicrosoftAppId=5f2b8a34-0c5e-4d7e-9a1b-2c3d4e5f6a7b",
            "--Teams:MicrosoftAppPassword=test-secret",
            .. _oidc.SignInSettings("entra"),
            setting,
        ]);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/signin/entra?returnUrl=/dashboard/", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "https");
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "203.0.113.7");

        using var challenge = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var query = System.Web.HttpUtility.ParseQueryString(challenge.Headers.Location!.Query);
        Assert.StartsWith(scheme + "://", query["redirect_uri"], StringComparison.Ordinal);
    }
}
