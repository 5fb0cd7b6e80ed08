using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Bot.Hosting;
using RolePlay.Core;
using RolePlay.Core.Chat;
using RolePlay.Core.Routines;
using RolePlay.Core.Settings;
using RolePlay.Core.Storage;
using RolePlay.Slack.Installs;
using RolePlay.Teams.Outbound;
using RolePlay.Testing.Slack;
using RolePlay.Testing.Teams;

namespace RolePlay.Benchmarks.Routines;

/// <summary>One minute's daily prompt fanned out to many people through the real delivery path — the host's
/// <see cref="IRoutineRunner"/> with the daily prompt routine and the ledger over SQLite, and the real Teams and Slack
/// senders — against the fake connector and fake Slack Web API enforcing the platforms' documented limits on
/// loopback. Half the people are on Teams, half on Slack, spread evenly over several tenants and workspaces; a share
/// of them are new (no 1:1 chat or DM channel known yet), the rest were reached before. Reports wall time against the
/// minimum those limits allow for this distribution, peak memory, 429s, and duplicates and misses as the fakes
/// counted them. Run: <c>dotnet run -c Release --project tests/RolePlay.Benchmarks -- prompt-fanout [--people 10000]
/// [--teams-tenants 5] [--slack-workspaces 10] [--new-percent 10] [--concurrency 32]</c>; --concurrency is
/// Routines:MaxConcurrentSends.</summary>
internal static class PromptFanOut
{
    private const string AppId = "5f2b8a34-0c5e-4d7e-9a1b-2c3d4e5f6a7b";
    private const int TeamsPerSecond = 30;
    private const int SlackPostsPerMinute = 300;
    private const int SlackOpensPerMinute = 50;

    private sealed record Person(PersonKey Key, bool IsNew)
    {
        public Platform Platform => Key.Tenant.Platform;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        // Microsoft.Data.Sqlite blocks its thread for each statement; with hundreds of sends in flight the pool would
        // otherwise grow a thread or two a second, and every timer and request (the fakes' too) would run late.
        ThreadPool.SetMinThreads(256, 256);
        var total = IntArg(args, "--people", 10_000);
        var teamsTenants = IntArg(args, "--teams-tenants", 5);
        var slackWorkspaces = IntArg(args, "--slack-workspaces", 10);
        var newPercent = IntArg(args, "--new-percent", 10);
        var concurrency = Math.Max(1, IntArg(args, "--concurrency", new RoutineOptions().MaxConcurrentSends));

        var dir = Directory.CreateTempSubdirectory("roleplay-fanout-").FullName;
        await using var connector = await FakeConnector.StartAsync();
        await using var slack = await FakeSlackApi.StartAsync();
        (connector.RecordRequests, connector.RateLimits) = (false, TeamsRateLimits.Published());
        (slack.RecordCalls, slack.RateLimits) = (false, SlackRateLimits.Documented());
        await using var bot = await StartBotAsync(dir, connector, slack, concurrency);

        var minute = DueBucket.Minute(DateTimeOffset.UtcNow);
        var people = Distribute(total, teamsTenants, slackWorkspaces, newPercent);
        Console.WriteLine($"Seeding {people.Count} people ({teamsTenants} Teams tenants, {slackWorkspaces} Slack workspaces, {newPercent}% new; {concurrency} sends at once) in {dir} ...");
        var seeding = Stopwatch.StartNew();
        await SeedAsync(bot.Services, people, slack, connector.ServiceUrl, minute);
        Console.WriteLine($"Seeded in {seeding.Elapsed.TotalSeconds:0} s; running the minute ...");

        var minimum = Minimum(people);
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var gen2Before = GC.CollectionCount(2);
        using var sampler = new MemorySampler();
        var watch = Stopwatch.StartNew();
        await bot.Services.GetRequiredService<IRoutineRunner>().RunDueAsync(minute, CancellationToken.None);
        watch.Stop();
        sampler.Stop();

        var (duplicates, misses) = Count(people, connector, slack);
        var ratio = minimum > TimeSpan.Zero ? (watch.Elapsed / minimum).ToString("0.00", CultureInfo.InvariantCulture) + "×" : "n/a (the limits allow it at once)";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

            prompt fan-out: {people.Count} people ({people.Count(p => p.Platform == "teams")} Teams, {people.Count(p => p.Platform == "slack")} Slack)
              wall time            {watch.Elapsed.TotalSeconds,8:0.0} s
              minimum by limits    {minimum.TotalSeconds,8:0.0} s   (Teams 30/s per tenant; Slack chat.postMessage {SlackPostsPerMinute}/min and conversations.open {SlackOpensPerMinute}/min per workspace)
              ratio                {ratio}
              delivered            {people.Count - misses} / {people.Count}   duplicates {duplicates}   misses {misses}
              429s                 Teams {connector.Throttled}   Slack {slack.Throttled}
              peak working set     {sampler.PeakWorkingSet / 1048576.0,8:0} MB during the run (process peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MB, fakes and seeding included)
              peak managed heap    {sampler.PeakManagedBytes / 1048576.0,8:0} MB   allocated {(GC.GetTotalAllocatedBytes() - allocatedBefore) / 1048576.0:0} MB   gen2 GCs {GC.CollectionCount(2) - gen2Before}
            """));
        Directory.Delete(dir, recursive: true);
        return duplicates == 0 && misses == 0 ? 0 : 1;
    }

    /// <summary>Evenly over the tenants of each platform, alternating platforms; in each tenant every k-th person is new.</summary>
    private static List<Person> Distribute(int total, int teamsTenants, int slackWorkspaces, int newPercent) =>
        Enumerable.Range(0, total).Select(i =>
        {
            var onTeams = i % 2 == 0;
            var tenants = onTeams ? teamsTenants : slackWorkspaces;
            var (inTenant, tenant) = Math.DivRem(i / 2, tenants);
            var key = onTeams
                ? new PersonKey("teams", $"tenant-{tenant:D2}", $"29:fanout-{i:D6}")
                : new PersonKey("slack", $"TWS{tenant:D2}", $"UFAN{i:D6}");
            return new Person(key, inTenant * newPercent % 100 < newPercent);
        }).ToList();

    /// <summary>The shortest time the documented limits allow, per tenant, the slowest tenant deciding: each budget is
    /// a strict window (at most N in any window), so the first N go at once and each further N one window later.</summary>
    private static TimeSpan Minimum(IReadOnlyList<Person> people) => people
        .GroupBy(p => p.Key.Tenant)
        .Select(tenant =>
        {
            var count = tenant.Count();
            var created = tenant.Count(p => p.IsNew);
            return tenant.Key.Platform == "teams"
                ? Windows(count + created, TeamsPerSecond, TimeSpan.FromSeconds(1))
                : Max(Windows(count, SlackPostsPerMinute, TimeSpan.FromMinutes(1)), Windows(created, SlackOpensPerMinute, TimeSpan.FromMinutes(1)));
        })
        .DefaultIfEmpty(TimeSpan.Zero)
        .Max();

    private static TimeSpan Windows(int requests, int permits, TimeSpan window) => requests == 0 ? TimeSpan.Zero : window * ((requests - 1) / permits);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static (int Duplicates, int Misses) Count(IReadOnlyList<Person> people, FakeConnector connector, FakeSlackApi slack)
    {
        var received = people.Select(p => p.Platform == "teams"
            ? connector.Deliveries.GetValueOrDefault(FakeConnector.PersonalConversationOf(p.Key.UserId))
            : slack.Deliveries.GetValueOrDefault($"{p.Key.Tenant.TenantId}/D{p.Key.UserId}")).ToList();
        return (received.Count(n => n > 1), received.Count(n => n == 0));
    }

    /// <summary>People opted in and due this minute; the Slack installs; where the known ones were reached before
    /// (a Teams 1:1 chat, a Slack DM channel) and each Teams tenant's connector.</summary>
    private static async Task SeedAsync(IServiceProvider services, IReadOnlyList<Person> people, FakeSlackApi slack, string serviceUrl, DateTimeOffset minute)
    {
        var store = services.GetRequiredService<IPeopleStore>();
        var references = services.GetRequiredService<IDeliveryAddressStore>();
        var installs = services.GetRequiredService<RolePlay.Slack.Installs.ISlackInstallStore>();
        var now = DateTimeOffset.UtcNow;
        foreach (var workspace in people.Where(p => p.Platform == "slack").Select(p => p.Key.Tenant.TenantId).Distinct())
        {
            var token = $"xoxb-fanout-{workspace}";
            slack.Tokens[token] = workspace;
            await installs.SaveAsync(new SlackInstallation(workspace, workspace, null, "UBOT" + workspace, token, now), CancellationToken.None);
        }

        foreach (var tenant in people.Where(p => p.Platform == "teams").Select(p => p.Key.Tenant).Distinct())
        {
            await references.SaveAsync(new DeliveryAddress(tenant, TeamsProactiveSender.TenantOwner, TeamsProactiveSender.TenantOwner, serviceUrl,
                "28:" + AppId, now), CancellationToken.None);
        }

        await Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (person, ct) =>
        {
            var user = new ChannelUser(person.Platform, person.Key.Tenant.TenantId, person.Key.UserId);
            await store.SaveAsync(PersonSettings.NewPerson(user, "UTC") with
            {
                Consent = ConsentState.OptedIn,
                ConsentAskedUtc = now,
                DailyPromptTime = TimeOnly.FromDateTime(minute.UtcDateTime),
                WorkingDays = Enum.GetValues<DayOfWeek>(),
                NextPromptUtc = minute,
            }, ct);
            if (!person.IsNew)
            {
                var conversation = person.Platform == "teams" ? FakeConnector.PersonalConversationOf(person.Key.UserId) : "D" + person.Key.UserId;
                await references.SaveAsync(new DeliveryAddress(person.Key.Tenant, person.Key.UserId, conversation,
                    person.Platform == "teams" ? serviceUrl : null, person.Platform == "teams" ? "28:" + AppId : null, now), ct);
            }
        });
    }

    private static async Task<WebApplication> StartBotAsync(string dir, FakeConnector connector, FakeSlackApi slack, int concurrency)
    {
        var app = BotHost.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Production",
            $"--Storage:Sqlite:Path={Path.Combine(dir, "roleplay.db")}",
            $"--DataProtection:KeysPath={Path.Combine(dir, "keys")}",
            $"--Teams:MicrosoftAppId={AppId}",
            "--Teams:MicrosoftAppPassword=fanout-secret",
            $"--Teams:TokenEndpoint={connector.TokenEndpointTemplate}",
            "--Teams:AllowedServiceUrlHosts:0=127.0.0.1",
            "--Slack:SigningSecret=fanout-signing-secret",
            $"--Slack:ClientId={slack.ClientId}",
            $"--Slack:ClientSecret={slack.ClientSecret}",
            "--Slack:RedirectUri=https://roleplay.example/api/slack/oauth/callback",
            $"--Slack:ApiBaseUrl={slack.BaseUrl}",
            $"--Slack:WorkspaceMessagesPerMinute={SlackPostsPerMinute}",
            $"--Slack:ConversationsOpenPerMinute={SlackOpensPerMinute}",
            // The run is the minute job: nothing else wakes the runner.
            "--Routines:Enabled=false",
            $"--Routines:MaxConcurrentSends={concurrency}",
            "--Logging:LogLevel:Default=Warning",
        ], []);
        await app.Services.GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
        return app;
    }

    private static int IntArg(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : fallback;
    }

    /// <summary>Samples the working set and managed heap every 50 ms: the run's own peak, apart from seeding's.</summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public MemorySampler() => _loop = Task.Run(async () =>
        {
            using var process = Process.GetCurrentProcess();
            while (!_stop.IsCancellationRequested)
            {
                process.Refresh();
                PeakWorkingSet = Math.Max(PeakWorkingSet, process.WorkingSet64);
                PeakManagedBytes = Math.Max(PeakManagedBytes, GC.GetTotalMemory(false));
                try
                {
                    await Task.Delay(50, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });

        public long PeakWorkingSet { get; private set; }

        public long PeakManagedBytes { get; private set; }

        public void Stop()
        {
            _stop.Cancel();
            _loop.Wait();
        }

        public void Dispose()
        {
            _stop.Cancel();
            _stop.Dispose();
        }
    }
}
