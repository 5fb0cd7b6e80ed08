using System.Net;
using System.Text.Json;
using RolePlay.Testing;

namespace RolePlay.Bot.Tests;

/// <summary>The platform's probes on the real bot process: live while the process answers; ready only while it can
/// serve, failing when its store goes away and recovering, without a restart, when the store is back.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReadinessTests(AzuriteFixture shared) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-ready-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task On_its_embedded_defaults_it_is_ready_with_content_store_and_scheduler()
    {
        var port = ServeTests.FreePort();
        using var bot = BotProcess.Start("--urls", $"http://127.0.0.1:{port}", $"--Storage:Sqlite:Path={Path.Combine(_dir, "roleplay.db")}");
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await ServeTests.WaitForHealthAsync(http);
            var (status, ready) = await ProbeAsync(http, "/healthz/ready");

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("Healthy", ready.GetProperty("status").GetString());
            var checks = ready.GetProperty("checks");
            Assert.Equal(["content", "scheduler", "store"], checks.EnumerateObject().Select(c => c.Name).Order());
            Assert.All(checks.EnumerateObject(), c => Assert.Equal("Healthy", c.Value.GetProperty("status").GetString()));
            Assert.Equal("SQLite (roleplay.db)", checks.GetProperty("store").GetProperty("description").GetString());
            Assert.Equal("running", checks.GetProperty("scheduler").GetProperty("description").GetString());
        }
        finally
        {
            bot.Kill(entireProcessTree: true);
            await bot.WaitForExitAsync();
        }
    }

    [SkippableFact]
    public async Task Readiness_fails_while_the_store_is_down_and_recovers_when_it_is_back()
    {
        Skip.If(shared.SkipReason is not null, shared.SkipReason);
        var tables = Directory.CreateDirectory(Path.Combine(_dir, "azurite")).FullName;
        var azurite = await AzuriteProcess.StartAsync(TimeSpan.FromSeconds(30), location: tables);
        var port = ServeTests.FreePort();
        using var bot = BotProcess.Start(
            "--urls", $"http://127.0.0.1:{port}",
            "--Storage:Provider=AzureTables",
            $"--Storage:AzureTables:ConnectionString={azurite.ConnectionString}",
            "--Storage:AzureTables:MaxRetries=0");
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await ServeTests.WaitForHealthAsync(http);
            Assert.Equal(HttpStatusCode.OK, (await ProbeAsync(http, "/healthz/ready")).Status);

            await azurite.DisposeAsync();
            var (down, report) = await ProbeAsync(http, "/healthz/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down);
            var store = report.GetProperty("checks").GetProperty("store");
            Assert.Equal("Unhealthy", store.GetProperty("status").GetString());
            Assert.Contains("Azure Tables", store.GetProperty("description").GetString());
            Assert.Equal(HttpStatusCode.OK, (await ProbeAsync(http, "/healthz/live")).Status); // the process is fine: no restart

            azurite = await AzuriteProcess.StartAsync(TimeSpan.FromSeconds(30), port: azurite.Port, location: tables);
            Assert.Equal(HttpStatusCode.OK, await WaitForReadyAsync(http));
            Assert.False(bot.HasExited);
        }
        finally
        {
            bot.Kill(entireProcessTree: true);
            await bot.WaitForExitAsync();
            await azurite.DisposeAsync();
        }
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ProbeAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static async Task<HttpStatusCode> WaitForReadyAsync(HttpClient http)
    {
        var status = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < 50 && status != HttpStatusCode.OK; attempt++)
        {
            await Task.Delay(200);
            status = (await ProbeAsync(http, "/healthz/ready")).Status;
        }

        return status;
    }
}
