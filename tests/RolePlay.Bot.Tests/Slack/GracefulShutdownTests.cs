using System.Diagnostics;
using System.Globalization;
using System.Text;
using RolePlay.Testing.Slack;

namespace RolePlay.Bot.Tests.Slack;

/// <summary>A platform stops an instance with SIGTERM and a grace period. The real bot process, stopped that way right
/// after acknowledging a burst of scene starts, finishes every one of them, paced as Slack requires, before it exits.</summary>
public sealed class GracefulShutdownTests : IDisposable
{
    private const string Secret = "graceful-signing-secret-0123456789";
    private const string Token = "xoxb-graceful";
    private const string Workspace = "TGRACE";
    private const int People = 12;
    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-sigterm-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task SIGTERM_after_a_burst_lets_every_acknowledged_start_finish_before_the_process_exits()
    {
        await using var api = await FakeSlackApi.StartAsync();
        api.Tokens[Token] = Workspace;
        var port = ServeTests.FreePort();
        using var bot = BotProcess.Start(
            "--urls", $"http://127.0.0.1:{port}",
            $"--Storage:Sqlite:Path={Path.Combine(_dir, "roleplay.db")}",
            $"--Slack:SigningSecret={Secret}",
            $"--Slack:BotToken={Token}",
            $"--Slack:ApiBaseUrl={api.BaseUrl}");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await ServeTests.WaitForHealthAsync(http);
        var signer = new SlackSigner(Secret);

        for (var person = 0; person < People; person++)
        {
            using var acked = await PostEventAsync(http, signer, person);
            Assert.True(acked.IsSuccessStatusCode, $"event {person} answered {acked.StatusCode}");
        }

        using (var term = Process.Start("kill", ["-TERM", bot.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await bot.WaitForExitAsync(grace.Token);
        Assert.Equal(0, bot.ExitCode);
        // Each start ends with its scene controls (Pause / Stop / End), the last of its messages, one a second per DM.
        var controls = api.CallsTo("chat.postMessage")
            .Where(c => c.Json!["blocks"]?.ToJsonString().Contains("End and debrief", StringComparison.Ordinal) == true)
            .Select(c => c.Str("channel") ?? "")
            .ToHashSet();
        Assert.Equal(Enumerable.Range(0, People).Select(p => "D" + User(p)).ToHashSet(), controls);
    }

    private static string User(int person) => $"UGRACE{person:D2}";

    private static async Task<HttpResponseMessage> PostEventAsync(HttpClient http, SlackSigner signer, int person)
    {
        var envelope = SlackBotHost.Event($"EvGrace{person:D2}", SlackBotHost.DirectMessage(User(person), "start bereavement-closure", Workspace), Workspace);
        using var request = SlackBotHost.SignedRequest(signer, "/api/slack/events", Encoding.UTF8.GetBytes(envelope.ToJsonString()), "application/json");
        return await http.SendAsync(request);
    }
}
