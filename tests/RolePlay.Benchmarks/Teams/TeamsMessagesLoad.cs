using System.Diagnostics;
using System.Globalization;
using System.Net;
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
using RolePlay.Testing.Teams;

namespace RolePlay.Benchmarks.Teams;

/// <summary><c>POST /api/messages</c> for a role-play turn through the real host with JWT validation ON (local key
/// server, fake connector, SQLite in a temp file), against a bare ASP.NET endpoint that only reads the body, in the
/// same run, both at the same paced rate. Run: <c>dotnet run -c Release --project tests/RolePlay.Benchmarks -- teams-load</c>.</summary>
internal static class TeamsMessagesLoad
{
    private const string AppId = "5f2b8a34-0c5e-4d7e-9a1b-2c3d4e5f6a7b";
    private const string Scenario = "late-delivery-birthday";
    private const double Rate = 200;
    private const int Measured = 3000;
    private const int WarmUp = 600;
    private const int TurnsPerPerson = 3;

    // Teams allows a bot 30 connector requests/s per tenant; the load is spread so the bot's own limiter (which
    // paces to that budget) is not what is measured. ~2.5 replies per turn at 200 turns/s → 40 tenants.
    private const int Tenants = 40;

    private static readonly string[] Turns =
    [
        "Let me have a look at the order for you.",
        "I can see the parcel in the system.",
        "Give me one moment while I check the depot.",
    ];

    public static async Task<int> RunAsync()
    {
        var dataDir = Directory.CreateTempSubdirectory("roleplay-teams-load-");
        await using var keys = await KeyServer.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        var bot = await StartBotAsync(Path.Combine(dataDir.FullName, "roleplay.db"), keys, connector);
        var bare = await BareEndpoint.StartAsync("/api/messages");
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = 256 });
            var token = KeyServer.Issue(AppId, connector.ServiceUrl);
            var people = (WarmUp + Measured + TurnsPerPerson - 1) / TurnsPerPerson;
            Console.WriteLine($"Starting {people} role-plays (not measured)...");
            await StartRolePlaysAsync(http, bot.Uri, token, connector.ServiceUrl, people);

            // Request i is a turn of person i % people: each person's turns are people/Rate seconds apart, never concurrent.
            var turns = new TurnSource(connector.ServiceUrl, people);
            Func<int, CancellationToken, Task<bool>> Post(Uri uri, int offset) => (i, ct) => PostAsync(http, uri, token, turns.Activity(offset + i), ct);

            var limit = TimeSpan.FromSeconds(Measured / Rate * 3 + 30);
            await OpenLoopLoad.RunAsync("warm-up bare", WarmUp, Rate, limit, Post(bare.Uri, 0));
            await OpenLoopLoad.RunAsync("warm-up bot", WarmUp, Rate, limit, Post(bot.Uri, 0));
            var bareResult = await OpenLoopLoad.RunAsync("bare ASP.NET endpoint", Measured, Rate, limit, Post(bare.Uri, WarmUp));
            var botResult = await OpenLoopLoad.RunAsync("RolePlay /api/messages (JWT on)", Measured, Rate, limit, Post(bot.Uri, WarmUp));

            var drain = Stopwatch.StartNew();
            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var drained = await bot.App.Services.GetRequiredService<ConversationOutbox>().DrainedAsync(patience.Token);
            Report(bareResult, botResult);
            Console.WriteLine($"replies: {connector.Deliveries.Values.Sum()} activities delivered; outbox " +
                (drained ? $"empty {drain.Elapsed.TotalSeconds:F1} s after the last answer" : "NOT empty after 2 min"));
            var live = await CountLiveAsync(bot.App, people);
            Console.WriteLine($"role-plays still live after their {TurnsPerPerson} turns: {live}/{people} (each measured request was a customer turn)");
            return botResult.Errors == 0 && bareResult.Errors == 0 && drained ? 0 : 1;
        }
        finally
        {
            await bare.App.DisposeAsync();
            await bot.App.DisposeAsync();
            dataDir.Delete(recursive: true);
        }
    }

    private static void Report(LoadResult bare, LoadResult bot)
    {
        Console.WriteLine();
        Console.WriteLine($"Open loop at {Rate} requests/s, {Measured} requests each, loopback, {Environment.ProcessorCount} cores");
        Console.WriteLine($"{"target",-34} {"req/s",8} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"max ms",8} {"errors",7}");
        foreach (var r in new[] { bare, bot })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Target,-34} {r.RequestsPerSecond,8:F1} {r.Percentile(50),8:F2} {r.Percentile(90),8:F2} {r.Percentile(99),8:F2} {r.LatenciesMs.Max(),8:F2} {r.Errors,7}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio bot/bare: p50 {bot.Percentile(50) / bare.Percentile(50):F1}x, p99 {bot.Percentile(99) / bare.Percentile(99):F1}x; target p99 < 25 ms: {(bot.Percentile(99) < 25 ? "met" : "NOT met")}"));
    }

    private static async Task StartRolePlaysAsync(HttpClient http, Uri bot, string token, string serviceUrl, int people)
    {
        var source = new TurnSource(serviceUrl, people);
        await Parallel.ForAsync(0, people, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (person, ct) =>
        {
            if (!await PostAsync(http, bot, token, source.Start(person), ct))
            {
                throw new InvalidOperationException($"start for person {person} failed");
            }
        });
    }

    private static async Task<bool> PostAsync(HttpClient http, Uri uri, string token, string json, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, ct);
        return response.StatusCode == HttpStatusCode.OK;
    }

    private static async Task<int> CountLiveAsync(WebApplication bot, int people)
    {
        var store = bot.Services.GetRequiredService<IPeopleStore>();
        var live = 0;
        for (var person = 0; person < people; person++)
        {
            var (_, session) = await store.GetWithLiveSessionAsync(new PersonKey("teams", TurnSource.Tenant(person), TurnSource.User(person)), CancellationToken.None);
            live += session is not null ? 1 : 0;
        }

        return live;
    }

    private static async Task<(WebApplication App, Uri Uri)> StartBotAsync(string database, KeyServer keys, FakeConnector connector)
    {
        var app = BotHost.Build(
        [
            "--urls", "http://127.0.0.1:0",
            $"--Storage:Sqlite:Path={database}",
            $"--Teams:MicrosoftAppId={AppId}",
            "--Teams:MicrosoftAppPassword=bench-secret",
            $"--Teams:OpenIdMetadataUrl={keys.BotFrameworkMetadataUrl}",
            $"--Teams:EntraOpenIdMetadataUrlTemplate={keys.EntraMetadataUrlTemplate}",
            $"--Teams:TokenEndpoint={connector.TokenEndpointTemplate}",
            "--Teams:AllowedServiceUrlHosts:0=127.0.0.1",
            "--Teams:RequireHttpsMetadata=false",
            "--Logging:LogLevel:Default=Warning",
        ], []);
        await app.Services.GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
        await app.StartAsync();
        return (app, BareEndpoint.UriOf(app, "/api/messages"));
    }

    /// <summary>Teams-shaped personal-chat activities: person p lives in tenant p % Tenants.</summary>
    private sealed class TurnSource(string serviceUrl, int people)
    {
        public static string Tenant(int person) => $"tenant-{person % Tenants:D2}";

        public static string User(int person) => $"29:bench-user-{person}";

        public string Start(int person) => Message(person, $"start-{person}", $"start {Scenario}");

        public string Activity(int request) => Message(request % people, $"turn-{request}", Turns[request / people % Turns.Length]);

        private string Message(int person, string id, string text) => new JsonObject
        {
            ["type"] = "message",
            ["id"] = id,
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = User(person), ["name"] = "Bench User" },
            ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["id"] = $"a:bench-{person}", ["tenantId"] = Tenant(person) },
            ["recipient"] = new JsonObject { ["id"] = "28:" + AppId, ["name"] = "RolePlay" },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant(person) } },
            ["text"] = text,
            ["textFormat"] = "plain",
        }.ToJsonString();
    }
}
