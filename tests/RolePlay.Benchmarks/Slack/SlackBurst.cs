using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Benchmarks.Load;
using RolePlay.Bot.Hosting;
using RolePlay.Core.Storage;
using RolePlay.Slack;
using RolePlay.Slack.Installs;
using RolePlay.Testing.Slack;

namespace RolePlay.Benchmarks.Slack;

/// <summary>
/// <c>slack-burst</c>: the real host with Slack's pacing on (one message a second per channel, 300 a minute per
/// workspace) against the fake Web API enforcing Slack's documented limits. Two runs: people starting a scene within
/// one second (each start answers with several messages), then signed turns at a steady rate spread over workspaces.
/// For each it prints what a person feels (send to their first reply, p50/p99/max), the 503s Slack would see, and how
/// long the backlog takes to drain after the last ack, beside the minimum Slack's own limits allow in the same run.
/// </summary>
internal static class SlackBurst
{
    private const string TokenPrefix = "xoxb-burst-";
    private static readonly TimeSpan ChannelInterval = TimeSpan.FromSeconds(1);
    private const int WorkspaceBudgetPerMinute = 300;

    public static async Task<int> RunAsync(string[] args)
    {
        var starters = SlackAckLoad.IntArg(args, "--people", 100);
        var rate = SlackAckLoad.IntArg(args, "--rate", 200);
        var seconds = SlackAckLoad.IntArg(args, "--seconds", 30);
        var workspaces = SlackAckLoad.IntArg(args, "--workspaces", 50);
        var dir = Directory.CreateTempSubdirectory("roleplay-slack-burst-").FullName;
        Console.WriteLine($"slack-burst: {starters} people start within 1 s, then {rate} turns/s for {seconds} s over {workspaces} workspaces; " +
                          $"{Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");

        await using var api = await FakeSlackApi.StartAsync();
        api.RateLimits = SlackRateLimits.Documented();
        await using var bot = await StartBotAsync(api, dir, workspaces);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, UseCookies = false });
        var url = BareEndpoint.UriOf(bot, SlackEndpoints.EventsPath);

        // 1. A burst of starts in one workspace: the case that held a lane for seconds per person.
        var burst = await MeasureAsync("starts within 1 s, one workspace", api, bot, http, url, starters, starters,
            i => (Workspace(0), i, $"start {SlackAckLoad.Scenario}"));

        // 2. Steady turns in live scenes (each person's scene started first, not measured).
        var people = rate * seconds / SlackAckLoad.Turns.Length;
        var first = starters; // people of run 1 are not reused
        await MeasureAsync("(scene starts, not measured)", api, bot, http, url, people, rate,
            i => (Workspace(i % workspaces), first + i, $"start {SlackAckLoad.Scenario}"), print: false);
        var steady = await MeasureAsync($"{rate} turns/s for {seconds} s", api, bot, http, url, rate * seconds, rate,
            i => (Workspace(i % people % workspaces), first + (i % people), SlackAckLoad.Turns[i / people % SlackAckLoad.Turns.Length]));

        Directory.Delete(dir, recursive: true);
        var met = burst.Busy == 0 && steady.Busy == 0;
        Console.WriteLine($"target 0 busy answers: {(met ? "met" : "NOT met")}");
        return met ? 0 : 1;
    }

    private sealed record Measured(int Busy);

    /// <param name="event">Request i's workspace, person and text.</param>
    private static async Task<Measured> MeasureAsync(string name, FakeSlackApi api, WebApplication bot, HttpClient http, Uri url, int count,
        double perSecond, Func<int, (string Workspace, int Person, string Text)> @event, bool print = true)
    {
        var signer = new SlackSigner(SlackAckLoad.SigningSecret);
        var runId = Guid.NewGuid().ToString("N")[..6];
        var events = Enumerable.Range(0, count).Select(@event).ToList();
        var bodies = events.Select((e, i) => SlackAckLoad.Envelope(e.Workspace, $"Ev-{runId}-{i}", e.Person, e.Text)).ToList();
        var sentAt = new DateTimeOffset[count];
        var callsBefore = api.Calls.Count;
        var result = await OpenLoopLoad.RunAsync(name, count, perSecond, TimeSpan.FromMinutes(10), (i, ct) =>
        {
            sentAt[i] = DateTimeOffset.UtcNow;
            return SlackAckLoad.PostSignedAsync(http, url, bodies[i], signer, ct);
        });
        var lastAck = Stopwatch.StartNew();
        await SlackAckLoad.DrainAsync(bot);
        var drained = lastAck.Elapsed;
        if (!print)
        {
            return new Measured(result.Errors);
        }

        // Each request's first reply: the first message to that person's DM at or after it was sent, not yet matched.
        var posts = api.Calls.Skip(callsBefore).Where(c => c.Method == "chat.postMessage").ToList();
        var byChannel = posts.GroupBy(c => c.Str("channel")!).ToDictionary(g => g.Key, g => new Queue<DateTimeOffset>(g.Select(c => c.At).Order()));
        var firstReplies = new List<double>();
        foreach (var (e, i) in events.Select((e, i) => (e, i)).OrderBy(x => sentAt[x.i]))
        {
            if (byChannel.TryGetValue("D" + SlackAckLoad.User(e.Person), out var inChannel))
            {
                while (inChannel.Count > 0 && inChannel.Peek() < sentAt[i])
                {
                    inChannel.Dequeue();
                }

                if (inChannel.Count > 0)
                {
                    firstReplies.Add((inChannel.Dequeue() - sentAt[i]).TotalMilliseconds);
                }
            }
        }

        // Slack's own limits: a channel's messages leave a second apart; a workspace's 300 a minute.
        var perChannel = posts.GroupBy(c => c.Str("channel")).Max(g => g.Count());
        var perWorkspace = posts.GroupBy(c => c.Authorization).Max(g => g.Count());
        var sendSpan = TimeSpan.FromSeconds(count / perSecond);
        var minimum = TimeSpan.FromTicks(Math.Max(
            ChannelInterval.Ticks * (perChannel - 1),
            TimeSpan.FromMinutes(Math.Ceiling((double)perWorkspace / WorkspaceBudgetPerMinute) - 1).Ticks)) - sendSpan;
        var replies = new LoadResult(name, firstReplies.Count, 0, 1, [.. firstReplies]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {count} events, busy (503) {result.Errors}, ack p99 {result.Percentile(99):0.0} ms; first reply p50 {replies.Percentile(50):0} ms, " +
            $"p99 {replies.Percentile(99):0} ms, max {firstReplies.DefaultIfEmpty().Max():0} ms ({firstReplies.Count} replied); " +
            $"{posts.Count} messages, drained {drained.TotalSeconds:0.0} s after the last ack (Slack's limits allow {Math.Max(0, minimum.TotalSeconds):0.0} s); " +
            $"429s from the fake {api.Throttled}"));
        return new Measured(result.Errors);
    }

    private static string Workspace(int n) => $"TBURST{n:D2}";

    private static async Task<WebApplication> StartBotAsync(FakeSlackApi api, string dir, int workspaces)
    {
        var app = BotHost.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Production",
            $"--Storage:Sqlite:Path={Path.Combine(dir, "roleplay.db")}",
            $"--DataProtection:KeysPath={Path.Combine(dir, "keys")}",
            $"--Slack:SigningSecret={SlackAckLoad.SigningSecret}",
            "--Slack:ClientId=1.2", "--Slack:ClientSecret=burst-secret", "--Slack:RedirectUri=https://roleplay.example/api/slack/oauth/callback",
            $"--Slack:ApiBaseUrl={api.BaseUrl}",
            // Slack's pace, as the bot keeps it in production.
            $"--Slack:ChannelMessageInterval={ChannelInterval}",
            $"--Slack:WorkspaceMessagesPerMinute={WorkspaceBudgetPerMinute}",
            "--Logging:LogLevel:Default=Warning",
        ], []);
        await app.Services.GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
        var installs = app.Services.GetRequiredService<ISlackInstallStore>();
        for (var n = 0; n < workspaces; n++)
        {
            api.Tokens[TokenPrefix + n] = Workspace(n);
            await installs.SaveAsync(new SlackInstallation(Workspace(n), Workspace(n), null, "UBOTBENCH", TokenPrefix + n, DateTimeOffset.UtcNow, "UINSTALLER", false),
                CancellationToken.None);
        }

        await app.StartAsync();
        return app;
    }
}
