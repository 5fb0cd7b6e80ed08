using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using RolePlay.Benchmarks.Load;
using RolePlay.Bot.Hosting;
using RolePlay.Core.Chat;
using RolePlay.Core.Storage;
using RolePlay.Testing.Browser;

namespace RolePlay.Benchmarks.Studio;

/// <summary>The studio's two performance figures, each beside a baseline measured in the same run: first contentful
/// paint of <c>/</c> in headless Debian Chromium (baseline: a one-paragraph page from a bare Kestrel endpoint), and
/// the round trip of a role-play turn (<c>POST /studio/api/messages</c>, ~200 turns over many people; baseline:
/// <c>GET /healthz</c> on the same bot). Targets: FCP under 1 s, turn p95 under 100 ms.</summary>
internal static class StudioPerf
{
    private const int Turns = 200;
    private const int TurnsPerPerson = 4;
    private const int PageLoads = 15;

    /// <summary>An agent's turns, shared with the voice benchmark so both time the same messages.</summary>
    internal static readonly string[] Replies =
    [
        "I'm so sorry, that sounds really stressful. What happened?",
        "So if I've got this right, the problem started this week and it's blocking you, is that right?",
        "I'll check the account now and message you by 5pm today with what I found, does that work for you?",
        "Thank you for bearing with me. What would help most right now?",
    ];

    public static async Task<int> RunAsync()
    {
        var dataDir = Directory.CreateTempSubdirectory("roleplay-studio-perf-").FullName;
        var app = BotHost.Build(["--urls", "http://127.0.0.1:0", $"--Storage:Sqlite:Path={Path.Combine(dataDir, "roleplay.db")}",
            "--Logging:LogLevel:Default=Warning"], []);
        await app.Services.GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
        await app.StartAsync();
        var bot = BareEndpoint.UriOf(app, "/");
        var (bare, bareUri) = await StartBarePageAsync();
        try
        {
            var (turns, health) = await MeasureTurnsAsync(bot);
            Report("studio turn (POST /studio/api/messages)", turns);
            Report("baseline GET /healthz", health);
            Console.WriteLine($"turn p95 / baseline p95: {Latency.Percentile(turns, 95) / Latency.Percentile(health, 95):F1}x (target: turn p95 < 100 ms)");

            if (!HeadlessChromium.IsInstalled)
            {
                Console.WriteLine($"first contentful paint: not measured, {HeadlessChromium.Path} is missing");
                return 0;
            }

            var (studioFcp, bareFcp) = await MeasurePaintAsync(bot, bareUri);
            Report("first contentful paint of / (fresh profile each load)", studioFcp);
            Report("baseline FCP of a one-paragraph page", bareFcp);
            Console.WriteLine($"FCP p50 / baseline p50: {Latency.Percentile(studioFcp, 50) / Latency.Percentile(bareFcp, 50):F1}x (target: FCP < 1000 ms)");
            return 0;
        }
        finally
        {
            await bare.StopAsync();
            await bare.DisposeAsync();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Sequential round trips (one person's turns arrive one at a time, as a person types), alternating with the
    /// baseline so both see the same machine. Each person starts a practice (not timed) and plays a few turns.</summary>
    private static async Task<(List<double> Turns, List<double> Health)> MeasureTurnsAsync(Uri bot)
    {
        var turns = new List<double>();
        var health = new List<double>();
        using var probe = new HttpClient { BaseAddress = bot };
        for (var person = 0; turns.Count < Turns; person++)
        {
            using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = bot };
            http.DefaultRequestHeaders.Add("X-RolePlay-Studio", "1");
            (await http.PostAsJsonAsync("/studio/api/people", new { name = $"Perf {person}" })).EnsureSuccessStatusCode();
            (await http.PostAsJsonAsync("/studio/api/submit", new
            {
                verb = "practice.start",
                values = new Dictionary<string, string> { ["scenario"] = "new-phone-setup", ["intensity"] = "medium" },
            })).EnsureSuccessStatusCode();
            for (var turn = 0; turn < TurnsPerPerson && turns.Count < Turns; turn++)
            {
                var clock = Stopwatch.StartNew();
                using var response = await http.PostAsJsonAsync("/studio/api/messages", new { text = Replies[turn % Replies.Length] });
                var body = await response.Content.ReadAsStringAsync();
                var elapsed = clock.Elapsed.TotalMilliseconds;
                response.EnsureSuccessStatusCode();
                // Warm-up: the first person's turns include JIT and first-use costs.
                if (person > 0)
                {
                    turns.Add(elapsed);
                }

                clock.Restart();
                using var ok = await probe.GetAsync(new Uri("/healthz", UriKind.Relative));
                await ok.Content.ReadAsStringAsync();
                if (person > 0)
                {
                    health.Add(clock.Elapsed.TotalMilliseconds);
                }

                if (body.Contains("\"debrief.feelings\"", StringComparison.Ordinal))
                {
                    break; // the scene ended early: the next person carries on
                }
            }
        }

        return (turns, health);
    }

    private static async Task<(List<double> Studio, List<double> Bare)> MeasurePaintAsync(Uri bot, Uri bare)
    {
        using var playwright = await HeadlessChromium.StartPlaywrightAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var studio = new List<double>();
        var baseline = new List<double>();
        for (var i = 0; i <= PageLoads; i++)
        {
            var s = await PaintAsync(browser, bot);
            var b = await PaintAsync(browser, bare);
            if (i > 0)
            {
                studio.Add(s);
                baseline.Add(b);
            }
        }

        return (studio, baseline);
    }

    /// <summary>First contentful paint of one load in a fresh profile (empty cache), from the page's own Paint Timing.</summary>
    private static async Task<double> PaintAsync(IBrowser browser, Uri url)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(url.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return await page.EvaluateAsync<double>("""
            () => new Promise(resolve => {
              const done = () => {
                const fcp = performance.getEntriesByName("first-contentful-paint")[0];
                if (fcp) { resolve(fcp.startTime); return true; }
                return false;
              };
              if (!done()) new PerformanceObserver(() => done()).observe({ type: "paint", buffered: true });
            })
            """);
    }

    private static async Task<(WebApplication App, Uri Uri)> StartBarePageAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/", () => Results.Content("<!doctype html><html lang=\"en\"><title>bare</title><p>Hello</p></html>", "text/html"));
        await app.StartAsync();
        return (app, BareEndpoint.UriOf(app, "/"));
    }

    private static void Report(string what, List<double> ms) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: n={ms.Count} p50={Latency.Percentile(ms, 50):F1} ms p95={Latency.Percentile(ms, 95):F1} ms max={ms.Max():F1} ms"));
}
