using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Benchmarks.Load;
using RolePlay.Benchmarks.Studio;
using RolePlay.Bot.Hosting;
using RolePlay.Core.Storage;
using RolePlay.Testing.Models;

namespace RolePlay.Benchmarks.Voice;

/// <summary>The turn latency the model voice adds, against the chat-completions stand-in on loopback (which answers at
/// once: what is measured is RolePlay's part — prompt, HTTP call, guard — not a model's thinking). Two studio teams on
/// one bot, one in the rule voice (the baseline) and one in the model voice, take turns one after the other through
/// <c>POST /studio/api/messages</c>, so both see the same machine.</summary>
internal static class VoiceLatency
{
    private const int Turns = 300;
    private const int TurnsPerPractice = 4;

    public static async Task<int> RunAsync()
    {
        var dataDir = Directory.CreateTempSubdirectory("roleplay-voice-latency-").FullName;
        await using var model = await FakeChatCompletions.StartAsync("sk-bench-0123456789");
        model.Fallback = DraftWording.Script;
        var app = BotHost.Build(["--urls", "http://127.0.0.1:0", $"--Storage:Sqlite:Path={Path.Combine(dataDir, "roleplay.db")}",
            "--Logging:LogLevel:Default=Warning", "--PersonaVoice:Provider=OpenAI", $"--PersonaVoice:Endpoint={model.Endpoint}",
            "--PersonaVoice:Model=bench", $"--PersonaVoice:ApiKey={model.ApiKey}", "--PersonaVoice:DailyTokenBudget=100000000"], []);
        await app.Services.GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
        await app.StartAsync();
        try
        {
            var bot = BareEndpoint.UriOf(app, "/");
            using var rule = await ManagerAsync(bot, "Rule voice", voice: null);
            using var worded = await ManagerAsync(bot, "Model voice", voice: "model");
            var (ruleTurns, modelTurns) = (new List<double>(), new List<double>());
            for (var practice = 0; modelTurns.Count < Turns; practice++)
            {
                await StartAsync(rule);
                await StartAsync(worded);
                for (var turn = 0; turn < TurnsPerPractice; turn++)
                {
                    var text = StudioPerf.Replies[turn % StudioPerf.Replies.Length];
                    var (r, ruleEnded) = await TurnAsync(rule, text);
                    var (m, modelEnded) = await TurnAsync(worded, text);
                    // The first practice pays JIT and first-use costs on both sides.
                    if (practice > 0)
                    {
                        ruleTurns.Add(r);
                        modelTurns.Add(m);
                    }

                    if (ruleEnded || modelEnded)
                    {
                        break; // a scene that ended answers no more turns: both start the next one
                    }
                }

                await TurnAsync(rule, "/stop"); // an ended scene answers that nothing is live
                await TurnAsync(worded, "/stop");
            }

            Report("rule voice turn (baseline)", ruleTurns);
            Report("model voice turn (stand-in answering at once)", modelTurns);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"added by the model voice: p50 +{Latency.Percentile(modelTurns, 50) - Latency.Percentile(ruleTurns, 50):F1} ms ({Latency.Percentile(modelTurns, 50) / Latency.Percentile(ruleTurns, 50):F1}x), " +
                $"p99 +{Latency.Percentile(modelTurns, 99) - Latency.Percentile(ruleTurns, 99):F1} ms ({Latency.Percentile(modelTurns, 99) / Latency.Percentile(ruleTurns, 99):F1}x); " +
                $"{model.Requests.Count} model calls"));
            return 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDir, recursive: true);
        }
    }

    /// <summary>A studio person who creates a team and, for <paramref name="voice"/> "model", switches it to the model.</summary>
    private static async Task<HttpClient> ManagerAsync(Uri bot, string team, string? voice)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = bot };
        http.DefaultRequestHeaders.Add("X-RolePlay-Studio", "1");
        (await http.PostAsJsonAsync("/studio/api/people", new { name = team + " manager" })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync("/studio/api/team", new { name = team, timeZone = "Europe/London" })).EnsureSuccessStatusCode();
        if (voice is not null)
        {
            (await http.PutAsJsonAsync("/studio/api/team/voice", new { voice })).EnsureSuccessStatusCode();
        }

        return http;
    }

    private static async Task StartAsync(HttpClient http) =>
        (await http.PostAsJsonAsync("/studio/api/submit", new
        {
            verb = "practice.start",
            values = new Dictionary<string, string> { ["scenario"] = "new-phone-setup", ["intensity"] = "medium" },
        })).EnsureSuccessStatusCode();

    /// <summary>One turn's round trip, and whether it ended the scene (its debrief came).</summary>
    private static async Task<(double Ms, bool Ended)> TurnAsync(HttpClient http, string text)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.PostAsJsonAsync("/studio/api/messages", new { text });
        var body = await response.Content.ReadAsStringAsync();
        response.EnsureSuccessStatusCode();
        return (clock.Elapsed.TotalMilliseconds, body.Contains("\"debrief.feelings\"", StringComparison.Ordinal));
    }

    private static void Report(string what, List<double> ms) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: n={ms.Count} p50={Latency.Percentile(ms, 50):F1} ms p99={Latency.Percentile(ms, 99):F1} ms max={ms.Max():F1} ms"));
}
