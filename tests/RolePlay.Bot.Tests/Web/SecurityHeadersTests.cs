using System.Net;
using RolePlay.Bot.Tests.Dashboard;

namespace RolePlay.Bot.Tests.Web;

/// <summary>Every response of the real host carries the browser's defences: pages, assets, APIs, redirects and errors,
/// in local and in deployed mode.</summary>
public sealed class SecurityHeadersTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-headers-").FullName;
    private DashboardHost _local = null!;
    private DashboardHost _deployed = null!;

    public async Task InitializeAsync()
    {
        _local = await DashboardHost.StartAsync(Path.Combine(_dir, "local.db"));
        _deployed = await DashboardHost.StartAsync(Path.Combine(_dir, "deployed.db"),
            "--Teams:MicrosoftAppId=5f2b8a34-0c5e-4d7e-9a1b-2c3d4e5f6a7b", "--Teams:MicrosoftAppPassword=test-secret");
    }

    public async Task DisposeAsync()
    {
        await _local.DisposeAsync();
        await _deployed.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Theory]
    [InlineData("local", "/", HttpStatusCode.OK)]
    [InlineData("local", "/studio/assets/studio.js", HttpStatusCode.OK)]
    [InlineData("local", "/facilitate", HttpStatusCode.OK)]
    [InlineData("local", "/dashboard/", HttpStatusCode.OK)]
    [InlineData("local", "/dashboard/assets/dashboard.js", HttpStatusCode.OK)]
    [InlineData("local", "/dashboard/api/viewer", HttpStatusCode.OK)]
    [InlineData("local", "/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("deployed", "/signin", HttpStatusCode.OK)]
    [InlineData("deployed", "/dashboard/", HttpStatusCode.Redirect)]
    [InlineData("deployed", "/dashboard/api/viewer", HttpStatusCode.Unauthorized)]
    [InlineData("deployed", "/", HttpStatusCode.Redirect)]
    [InlineData("deployed", "/healthz", HttpStatusCode.OK)]
    public async Task Every_response_carries_the_security_headers(string mode, string path, HttpStatusCode expected)
    {
        var host = mode == "local" ? _local : _deployed;

        using var response = await host.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task A_refused_Teams_activity_carries_them_too()
    {
        using var response = await _deployed.Client.PostAsync(new Uri("/api/messages", UriKind.Relative),
            new StringContent("""{"type":"message"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }
}
