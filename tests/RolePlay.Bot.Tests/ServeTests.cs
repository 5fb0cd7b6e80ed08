using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace RolePlay.Bot.Tests;

public sealed class ServeTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("roleplay-serve-").FullName;

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);

    [Fact]
    public async Task The_default_verb_serves_on_loopback_with_embedded_sqlite_storage()
    {
        var port = FreePort();
        var db = Path.Combine(_dataDir, "roleplay.db");
        using var bot = BotProcess.Start("--urls", $"http://127.0.0.1:{port}", $"--Storage:Sqlite:Path={db}");
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var health = await WaitForHealthAsync(http);

            Assert.Equal("ok", health.GetProperty("status").GetString());
            Assert.True(health.GetProperty("scenarios").GetInt32() >= 10);
            Assert.True(File.Exists(db), "the SQLite file is created at start-up");
        }
        finally
        {
            bot.Kill(entireProcessTree: true);
            await bot.WaitForExitAsync();
        }
    }

    [Theory]
    [InlineData("ASPNETCORE_URLS", "http://127.0.0.1:{0}")]
    [InlineData("Kestrel__Endpoints__Main__Url", "http://127.0.0.1:{0}")]
    public async Task An_address_from_the_environment_wins_over_the_local_default(string variable, string format)
    {
        var port = FreePort();
        var environment = new Dictionary<string, string> { [variable] = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, port) };
        using var bot = BotProcess.Start(environment, $"--Storage:Sqlite:Path={Path.Combine(_dataDir, "roleplay.db")}");
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            Assert.Equal("ok", (await WaitForHealthAsync(http)).GetProperty("status").GetString());
        }
        finally
        {
            bot.Kill(entireProcessTree: true);
            await bot.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Invalid_storage_settings_stop_the_start_with_a_clear_message()
    {
        var result = await BotProcess.RunAsync("", "--urls", "http://127.0.0.1:0", "--Storage:Provider=AzureTables");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Storage:AzureTables", result.StdErr);
    }

    [Fact]
    public async Task A_taken_port_stops_the_start_with_one_line_naming_urls()
    {
        using var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        var port = ((IPEndPoint)other.LocalEndpoint).Port;

        var result = await BotProcess.RunAsync("", "--urls", $"http://127.0.0.1:{port}", $"--Storage:Sqlite:Path={Path.Combine(_dataDir, "roleplay.db")}");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"RolePlay will not start: port {port} on 127.0.0.1 is already in use. Stop the other process or choose another " +
            $"address with --urls, e.g. --urls http://127.0.0.1:{port + 1}.", result.StdErr.Trim());
        Assert.DoesNotContain("   at ", result.StdOut, StringComparison.Ordinal);
    }

    internal static async Task<JsonElement> WaitForHealthAsync(HttpClient http)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
                return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            }
            catch (HttpRequestException) when (attempt < 100)
            {
                await Task.Delay(200);
            }
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
