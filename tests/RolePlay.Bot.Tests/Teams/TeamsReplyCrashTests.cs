using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Core.Storage;
using RolePlay.Storage;
using RolePlay.Teams.Inbound;
using RolePlay.Testing;
using RolePlay.Testing.Teams;
using Xunit.Abstractions;

namespace RolePlay.Bot.Tests.Teams;

/// <summary>Teams is answered 200 once the turn is stored, and the replies leave after; the activity is recorded before
/// it is routed. Real bot processes (Teams local mode, real SQLite): one is killed with SIGKILL while its first reply is
/// held up at the connector, and the next on the same store sends the whole answer, once; an activity a crashed process
/// recorded and never answered is routed by the next, whether or not the crash came after its scene stored it.</summary>
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
                var sentAgain = await SceneOpeningAsync(connector, after: 1);
                Assert.Equal(connector.ActivityPosts.First().Json!["text"]!.ToString(), sentAgain[0]["text"]!.ToString());
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

    [Fact]
    public async Task An_activity_recorded_and_never_routed_is_answered_by_the_next_host()
    {
        await using var connector = await FakeConnector.StartAsync();
        var person = new TeamsActivities(connector.ServiceUrl, "29:" + Guid.NewGuid().ToString("N"));
        await RecordUnansweredAsync(person.Message("start late-delivery-birthday"));

        var host = await StartAsync();
        try
        {
            await SceneOpeningAsync(connector, after: 0);
            Assert.All(connector.ActivityPosts, p => Assert.Contains(person.ConversationId, Uri.UnescapeDataString(p.Path), StringComparison.Ordinal));
        }
        finally
        {
            BotProcess.Kill(host.Process);
        }
    }

    [Fact]
    public async Task An_activity_its_scene_stored_before_the_crash_gets_the_same_answer_not_a_second_turn()
    {
        await using var connector = await FakeConnector.StartAsync();
        var person = new TeamsActivities(connector.ServiceUrl, "29:" + Guid.NewGuid().ToString("N"));
        var reply = person.Message("I'm so sorry the cake didn't arrive, that must be upsetting on her birthday.");
        var first = await StartAsync();
        try
        {
            using (var started = await first.Http.PostAsJsonAsync("/api/messages", person.Message("start late-delivery-birthday")))
            {
                Assert.Equal(HttpStatusCode.OK, started.StatusCode);
            }

            await Poll.UntilAsync(() => connector.ActivityPosts.Count() >= 3, TimeSpan.FromSeconds(20));
            using (var answered = await first.Http.PostAsJsonAsync("/api/messages", reply))
            {
                Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
            }

            await Poll.UntilAsync(() => connector.ActivityPosts.Count() >= 4, TimeSpan.FromSeconds(20));
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        finally
        {
            BotProcess.Kill(first.Process);
        }

        // As if the first process had died after storing the turn and before recording its answer.
        var before = connector.ActivityPosts.Select(p => p.Json!).ToList();
        var turnAnswer = before.Skip(3).Select(a => a.ToJsonString()).ToList();
        await RecordUnansweredAsync(reply);
        var second = await StartAsync();
        try
        {
            await Poll.UntilAsync(() => connector.ActivityPosts.Count() >= before.Count + turnAnswer.Count, TimeSpan.FromSeconds(30));
            await Task.Delay(TimeSpan.FromSeconds(2)); // nothing more comes
            var again = connector.ActivityPosts.Skip(before.Count).Select(p => p.Json!.ToJsonString()).ToList();
            output.WriteLine(string.Join(" | ", again));
            Assert.Equal(turnAnswer, again); // the customer's same answer, not the turn taken twice
        }
        finally
        {
            BotProcess.Kill(second.Process);
        }
    }

    /// <summary>Waits for the scene's opening after the first <paramref name="after"/> posts and checks it came whole and
    /// once: the coach's introduction, the customer, the controls.</summary>
    private async Task<IReadOnlyList<JsonNode>> SceneOpeningAsync(FakeConnector connector, int after)
    {
        await Poll.UntilAsync(() => connector.ActivityPosts.Count() >= after + 3, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(2)); // nothing more comes
        var sent = connector.ActivityPosts.Skip(after).Select(p => p.Json!).ToList();
        output.WriteLine(string.Join(" | ", sent.Select(a => a["text"]?.ToString() ?? "(card)")));
        Assert.Equal(3, sent.Count);
        Assert.StartsWith("Coach: ", sent[0]["text"]!.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("Jake: ", sent[1]["text"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains("End and debrief", sent[2].ToJsonString(), StringComparison.Ordinal);
        return sent;
    }

    /// <summary>Writes what a process that crashed at once would have left: the activity recorded, leased by it until a
    /// moment ago, with no answer.</summary>
    private async Task RecordUnansweredAsync(JsonObject activity)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = Path.Combine(_dir, "roleplay.db") })
            .Build();
        await using var services = new ServiceCollection().AddRolePlayStorage(configuration).BuildServiceProvider();
        await services.GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
        var key = InboundEventKey.For(new TenantScope(ActivityTranslator.Platform, TeamsHost.TenantId),
            $"{activity["conversation"]!["id"]}|{activity["id"]}");
        var now = DateTimeOffset.UtcNow;
        Assert.NotNull(await services.GetRequiredService<IInbox>().TryAddAsync(
            new InboxEntry(key, null, activity.ToJsonString(), now.AddSeconds(-10), "crashed-host", now.AddSeconds(-1)), CancellationToken.None));
    }

    private async Task<(Process Process, HttpClient Http)> StartAsync()
    {
        var port = ServeTests.FreePort();
        var process = BotProcess.Start(
        [
            "--urls", $"http://127.0.0.1:{port}",
            $"--Storage:Sqlite:Path={Path.Combine(_dir, "roleplay.db")}",
            // Quick leases, so the test need not wait out the default 30 s.
            "--Teams:InboxLease=00:00:02",
            "--Teams:InboxScanInterval=00:00:00.250",
            // The replies are counted here; the customer's typing before them is TeamsCustomerTypingTests' concern.
            "--Teams:CustomerTyping=false",
            "--Logging:LogLevel:Default=Warning",
        ]);
        BotProcess.ShowOutput(process, output);
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        await ServeTests.WaitForHealthAsync(http);
        return (process, http);
    }
}
