using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RolePlay.Benchmarks.Load;
using RolePlay.Bot.Hosting;
using RolePlay.Channels;
using RolePlay.Core.Storage;
using RolePlay.Slack;
using RolePlay.Slack.Inbound;
using RolePlay.Testing.Slack;

namespace RolePlay.Benchmarks.Slack;

/// <summary>
/// <c>slack-load</c>: signed <c>message.im</c> role-play turns POSTed to the real host's /api/slack/events by a paced
/// open-loop generator (a request every 1/rate s whether or not earlier ones have answered; latency counted from the
/// scheduled send time, so a stall is not hidden), and the same generator against a bare ASP.NET endpoint in the same
/// process as the baseline. BenchmarkDotNet measures closed loops; an ack-latency target at a fixed arrival rate needs
/// an open loop, so this is a command of the benchmark program rather than a [Benchmark].
/// </summary>
internal static class SlackAckLoad
{
    internal const string SigningSecret = "bench-signing-secret-0123456789abcdef";
    private const string Token = "xoxb-bench";
    private const string Workspace = "TBENCH";
    internal const string Scenario = "bereavement-closure";
    private const int TurnsPerPerson = 3;
    private const int MaxConnections = 512;
    private const int StartRate = 250;
    private const int WarmSeconds = 3;

    internal static readonly string[] Turns =
    [
        "I'm so sorry for your loss, that must be really hard to deal with right now.",
        "Could you tell me what you need to happen with the account?",
        "So to make sure I have it right, you'd like the account closed today without any fees, is that right?",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var rate = IntArg(args, "--rate", 200);
        var seconds = IntArg(args, "--seconds", 15);
        var total = rate * seconds;
        var people = (total + TurnsPerPerson - 1) / TurnsPerPerson;
        // The bot's own turn path is warmed as the bare endpoint is (JIT tiers, pools, caches), on people of its own.
        var warmTurns = rate * WarmSeconds;
        var warmPeople = (warmTurns + TurnsPerPerson - 1) / TurnsPerPerson;
        var signer = new SlackSigner(SigningSecret);
        var dir = Directory.CreateTempSubdirectory("roleplay-slack-load-").FullName;
        Console.WriteLine($"slack-load: {rate} requests/s for {seconds} s ({total} turns from {people} people), {Environment.ProcessorCount} cores");

        await using var api = await FakeSlackApi.StartAsync();
        api.Tokens[Token] = Workspace;
        await using var bot = await StartBotAsync(api, dir);
        var bare = await BareEndpoint.StartAsync("/api/slack/events");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = MaxConnections, UseCookies = false });
        var limit = TimeSpan.FromSeconds(seconds * 3 + 60);
        Task<LoadResult> Run(string target, Uri url, IReadOnlyList<byte[]> bodies) =>
            OpenLoopLoad.RunAsync(target, bodies.Count, rate, limit, (i, ct) => PostSignedAsync(http, url, bodies[i], signer, ct));

        // Every person starts a scene first (not measured), so each measured request is a turn in a live role-play.
        var botUrl = BareEndpoint.UriOf(bot, SlackEndpoints.EventsPath);
        // A start posts three messages and writes a new session: far more than a turn, so starts go at a gentler pace
        // (every one must land, or measured turns would meet people with no scene).
        var starts = Enumerable.Range(0, people + warmPeople).Select(p => Envelope($"Ev-start-{p}", p, $"start {Scenario}")).ToList();
        await OpenLoopLoad.RunAsync("scene starts", starts.Count, Math.Min(rate, StartRate), limit, (i, ct) => PostSignedAsync(http, botUrl, starts[i], signer, ct));
        await DrainAsync(bot);
        var live = 0;
        var store = bot.Services.GetRequiredService<IPeopleStore>();
        for (var p = 0; p < people; p++)
        {
            live += (await store.GetWithLiveSessionAsync(new PersonKey("slack", Workspace, User(p)), default)).LiveSession is null ? 0 : 1;
        }

        var turns = Enumerable.Range(0, total).Select(i => Envelope($"Ev-turn-{i}", i % people, Turns[i / people % Turns.Length])).ToList();
        var warm = Enumerable.Range(0, rate).Select(i => Envelope($"Ev-warm-{i}", -1, "ping")).ToList();
        var warmBot = Enumerable.Range(0, warmTurns).Select(i => Envelope($"Ev-warm-turn-{i}", people + i % warmPeople, Turns[i / warmPeople % Turns.Length])).ToList();

        await Run("warm-up", bare.Uri, warm);
        await Run("warm-up bot", botUrl, warmBot);
        await DrainAsync(bot);
        var baseline = await Run("bare ASP.NET endpoint", bare.Uri, turns);

        var postsBefore = api.CallsTo("chat.postMessage").Count;
        var measured = await Run("RolePlay /api/slack/events", botUrl, turns);
        var drainWatch = Stopwatch.StartNew();
        await DrainAsync(bot);
        var delivered = api.CallsTo("chat.postMessage").Count - postsBefore;

        Console.WriteLine($"live scenes before the measured run: {live}/{people}");
        Print(baseline);
        Print(measured);
        Console.WriteLine($"replies delivered to the fake Web API during the run: {delivered} chat.postMessage for {total} turns "
            + $"(queue drained {drainWatch.Elapsed.TotalSeconds:0.0} s after the last ack)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio (bot / bare): p50 {measured.Percentile(50) / baseline.Percentile(50):0.00}x, p99 {measured.Percentile(99) / baseline.Percentile(99):0.00}x, throughput {measured.RequestsPerSecond / baseline.RequestsPerSecond:0.00}x"));
        var met = measured.Percentile(99) < 25 && measured.Errors == 0;
        Console.WriteLine($"target p99 < 25 ms with no errors: {(met ? "met" : "NOT met")}");
        await bare.App.DisposeAsync();
        Directory.Delete(dir, recursive: true);
        return met ? 0 : 1;
    }

    internal static async Task<bool> PostSignedAsync(HttpClient http, Uri url, byte[] body, SlackSigner signer, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in signer.Headers(body))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request, ct);
        return response.IsSuccessStatusCode;
    }

    internal static void Print(LoadResult r) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{r.Target,-28} {r.RequestsPerSecond,7:0.0} req/s  ok {r.Sent - r.Errors}/{r.Sent}  errors {r.Errors}  ack p50 {r.Percentile(50):0.00} ms  p99 {r.Percentile(99):0.00} ms  max {r.LatenciesMs.Max():0.00} ms"));

    private static async Task<WebApplication> StartBotAsync(FakeSlackApi api, string dir)
    {
        var app = BotHost.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Production",
            $"--Storage:Sqlite:Path={Path.Combine(dir, "roleplay.db")}",
            $"--DataProtection:KeysPath={Path.Combine(dir, "keys")}",
            $"--Slack:SigningSecret={SigningSecret}",
            $"--Slack:BotToken={Token}",
            $"--Slack:ApiBaseUrl={api.BaseUrl}",
            // Slack's per-channel pacing and per-workspace budget are real, but the fake has neither; the run measures
            // our pipeline, not Slack's limits (with 1 s per channel, a scene's opening lines hold a queue lane for seconds).
            "--Slack:WorkspaceMessagesPerMinute=1000000",
            "--Slack:ChannelMessageInterval=00:00:00.001",
            "--Logging:LogLevel:Default=Warning",
        ], []);
        await app.Services.GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
        await app.StartAsync();
        return app;
    }

    internal static async Task DrainAsync(WebApplication bot)
    {
        var queue = bot.Services.GetRequiredService<SlackWorkQueue>();
        var outbox = bot.Services.GetRequiredService<ConversationOutbox>();
        while (queue.Pending + outbox.Pending > 0)
        {
            await Task.Delay(20);
        }
    }

    internal static string User(int person) => $"UBENCH{person:D5}";

    private static byte[] Envelope(string eventId, int person, string text) => Envelope(Workspace, eventId, person, text);

    /// <summary>A signed-to-be message.im event from person <paramref name="person"/> in their DM with the bot.</summary>
    internal static byte[] Envelope(string workspace, string eventId, int person, string text)
    {
        var user = User(person);
        var ts = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0).ToString("0.000000", CultureInfo.InvariantCulture);
        return Encoding.UTF8.GetBytes(new JsonObject
        {
            ["team_id"] = workspace,
            ["api_app_id"] = "ABENCH",
            ["type"] = "event_callback",
            ["event_id"] = eventId,
            ["event_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["event"] = new JsonObject
            {
                ["type"] = "message", ["channel_type"] = "im", ["channel"] = "D" + user, ["user"] = user, ["text"] = text, ["ts"] = ts, ["event_ts"] = ts,
            },
            ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = workspace, ["user_id"] = "UBOTBENCH", ["is_bot"] = true }),
        }.ToJsonString());
    }

    internal static int IntArg(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
    }
}
