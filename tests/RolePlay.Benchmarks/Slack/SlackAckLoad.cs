using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
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

    /// <param name="args"><c>--rate</c>, <c>--seconds</c>, and <c>--data-dir</c> once per folder to hold the bot's
    /// database (default: a temp folder): <c>--data-dir /var/tmp --data-dir /dev/shm</c> puts disk beside tmpfs in one run.</param>
    public static async Task<int> RunAsync(string[] args)
    {
        var rate = IntArg(args, "--rate", 200);
        var seconds = IntArg(args, "--seconds", 15);
        var folders = args.Select((a, i) => (a, i)).Where(x => x.a == "--data-dir" && x.i + 1 < args.Length).Select(x => args[x.i + 1]).ToList();
        var run = new Run(rate, seconds);
        Console.WriteLine($"slack-load: {rate} requests/s for {seconds} s ({run.Total} turns from {run.People} people), {Environment.ProcessorCount} cores");

        await using var api = await FakeSlackApi.StartAsync();
        api.Tokens[Token] = Workspace;
        var bare = await BareEndpoint.StartAsync("/api/slack/events");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = MaxConnections, UseCookies = false });
        await run.PostAsync(http, "warm-up", bare.Uri, Enumerable.Range(0, rate).Select(i => Envelope($"Ev-warm-{i}", -1, "ping")).ToList());
        var baseline = await run.PostAsync(http, "bare ASP.NET endpoint", bare.Uri, run.Turns);
        Print(baseline);
        await bare.App.DisposeAsync();

        var met = true;
        foreach (var folder in folders.Count > 0 ? folders : [Path.GetTempPath()])
        {
            met &= await MeasureBotAsync(run, http, api, folder, baseline);
        }

        return met ? 0 : 1;
    }

    /// <summary>A fresh bot with its database in <paramref name="folder"/>: every person's scene started (not measured),
    /// its turn path warmed on people of its own, then the measured turns.</summary>
    private static async Task<bool> MeasureBotAsync(Run run, HttpClient http, FakeSlackApi api, string folder, LoadResult baseline)
    {
        var dir = Directory.CreateDirectory(Path.Combine(folder, $"roleplay-slack-load-{Guid.NewGuid():N}")).FullName;
        try
        {
            await using var bot = await StartBotAsync(api, dir);
            var botUrl = BareEndpoint.UriOf(bot, SlackEndpoints.EventsPath);
            // A start posts three messages and writes a new session: far more than a turn, so starts go at a gentler
            // pace (every one must land, or measured turns would meet people with no scene).
            var starts = Enumerable.Range(0, run.People + run.WarmPeople).Select(p => Envelope($"Ev-start-{p}", p, $"start {Scenario}")).ToList();
            await run.PostAsync(http, "scene starts", botUrl, starts, Math.Min(run.Rate, StartRate));
            await DrainAsync(bot);
            var live = 0;
            var store = bot.Services.GetRequiredService<IPeopleStore>();
            for (var p = 0; p < run.People; p++)
            {
                live += (await store.GetWithLiveSessionAsync(new PersonKey("slack", Workspace, User(p)), default)).LiveSession is null ? 0 : 1;
            }

            // The bot's own turn path is warmed as the bare endpoint is (JIT tiers, pools, caches).
            var warm = Enumerable.Range(0, run.Rate * WarmSeconds)
                .Select(i => Envelope($"Ev-warm-turn-{i}", run.People + i % run.WarmPeople, Turns[i / run.WarmPeople % Turns.Length])).ToList();
            await run.PostAsync(http, "warm-up bot", botUrl, warm);
            await DrainAsync(bot);

            var postsBefore = api.CallsTo("chat.postMessage").Count;
            var measured = await run.PostAsync(http, $"RolePlay, database in {folder}", botUrl, run.Turns);
            var drainWatch = Stopwatch.StartNew();
            await DrainAsync(bot);
            var delivered = api.CallsTo("chat.postMessage").Count - postsBefore;

            Console.WriteLine($"live scenes before the measured run: {live}/{run.People}");
            Print(measured);
            Console.WriteLine($"replies delivered to the fake Web API during the run: {delivered} chat.postMessage for {run.Total} turns "
                + $"(queue drained {drainWatch.Elapsed.TotalSeconds:0.0} s after the last ack)");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ratio (bot / bare): p50 {measured.Percentile(50) / baseline.Percentile(50):0.00}x, p99 {measured.Percentile(99) / baseline.Percentile(99):0.00}x, throughput {measured.RequestsPerSecond / baseline.RequestsPerSecond:0.00}x"));
            var met = measured.Percentile(99) < 25 && measured.Errors == 0;
            Console.WriteLine($"target p99 < 25 ms with no errors: {(met ? "met" : "NOT met")}");
            return met;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
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
            // A turn refused as busy is counted as an error below; a warning line for each would drown the report.
            "--Logging:LogLevel:RolePlay.Slack.Inbound.SlackInbound=Error",
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

    /// <summary>The shape of one run: the rate, the people and their measured turns (each person's turns
    /// people/rate seconds apart, never concurrent), and the people the bot's warm-up uses.</summary>
    private sealed class Run
    {
        private readonly SlackSigner _signer = new(SigningSecret);
        private readonly TimeSpan _limit;

        public Run(int rate, int seconds)
        {
            Rate = rate;
            Total = rate * seconds;
            People = PeopleFor(Total);
            WarmPeople = PeopleFor(rate * WarmSeconds);
            Turns = Enumerable.Range(0, Total).Select(i => Envelope($"Ev-turn-{i}", i % People, SlackAckLoad.Turns[i / People % SlackAckLoad.Turns.Length])).ToList();
            _limit = TimeSpan.FromSeconds(seconds * 3 + 60);
        }

        public int Rate { get; }

        public int Total { get; }

        public int People { get; }

        public int WarmPeople { get; }

        public IReadOnlyList<byte[]> Turns { get; }

        public Task<LoadResult> PostAsync(HttpClient http, string target, Uri url, IReadOnlyList<byte[]> bodies, int? atRate = null) =>
            OpenLoopLoad.RunAsync(target, bodies.Count, atRate ?? Rate, _limit, (i, ct) => PostSignedAsync(http, url, bodies[i], _signer, ct));

        private static int PeopleFor(int turns) => (turns + TurnsPerPerson - 1) / TurnsPerPerson;
    }
}
