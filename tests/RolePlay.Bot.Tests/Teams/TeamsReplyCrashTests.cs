using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using RolePlay.Testing;
using RolePlay.Testing.Teams;
using Xunit.Abstractions;

namespace RolePlay.Bot.Tests.Teams;

/// <summary>Teams is answered 200 once the turn is stored, and the replies leave after. A real bot process (Teams local
/// mode, real SQLite) is killed with SIGKILL while its first reply is held up at the connector; the next process on the
/// same store sends the whole answer, once.</summary>
public sealed class TeamsReplyCrashTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-teams-crash-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Replies_a_crash_cut_off_after_the_200_are_sent_by_the_next_host()
    {
        await using var connector = await FakeConnector.StartAsync();
        connector.Enqueue(new ScriptedResponse(200, Delay: TimeSpan.FromMinutes(5))); // the first reply never gets its answer
        var person = new TeamsActivities(connector.ServiceUrl, "29:" + Guid.NewGuid().ToString("N"));
        var first = await StartAsync();
        try
        {
            using var response = await first.Http.PostAsJsonAsync("/api/messages", person.Message("start late-delivery-birthday"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await Poll.UntilAsync(() => connector.ActivityPosts.Any(), TimeSpan.FromSeconds(20));
            Assert.Single(connector.ActivityPosts); // held: the coach's introduction, the customer and the controls wait behind it
            BotProcess.Kill(first.Process);

            var second = await StartAsync();
            try
            {
                await Poll.UntilAsync(() => connector.ActivityPosts.Count() >= 4, TimeSpan.FromSeconds(30));
                await Task.Delay(TimeSpan.FromSeconds(2)); // nothing more comes
                var sentAgain = connector.ActivityPosts.Skip(1).Select(p => p.Json!).ToList();
                output.WriteLine(string.Join(" | ", sentAgain.Select(a => a["text"]?.ToString() ?? "(card)")));
                Assert.Equal(3, sentAgain.Count);
                Assert.StartsWith("Coach: ", sentAgain[0]["text"]!.ToString(), StringComparison.Ordinal);
                Assert.Equal(connector.ActivityPosts.First().Json!["text"]!.ToString(), sentAgain[0]["text"]!.ToString());
                Assert.StartsWith("Jake: ", sentAgain[1]["text"]!.ToString(), StringComparison.Ordinal);
                Assert.Contains("End and debrief", sentAgain[2].ToJsonString(), StringComparison.Ordinal);
            }
            finally
            {
                BotProcess.Kill(second.Process);
            }
        }
        finally
        {
            BotProcess.Kill(first.Process);
        }
    }

    private async Task<(Process Process, HttpClient Http)> StartAsync()
    {
        var port = ServeTests.FreePort();
        var process = BotProcess.Start(
        [
            "--urls", $"http://127.0.0.1:{port}",
            $"--Storage:Sqlite:Path={Path.Combine(_dir, "roleplay.db")}",
            // Quick leases, so the test need not wait out the default 30 s.
            "--Teams:ReplyLease=00:00:02",
            "--Teams:ReplyScanInterval=00:00:00.250",
            "--Logging:LogLevel:Default=Warning",
        ]);
        BotProcess.ShowOutput(process, output);
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        await ServeTests.WaitForHealthAsync(http);
        return (process, http);
    }
}
