using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RolePlay.Bot.Hosting;
using RolePlay.Core.Insights;
using RolePlay.Core.Storage;
using RolePlay.Storage.Repositories;
using RolePlay.Storage.Rows;
using RolePlay.Storage.Sqlite;
using RolePlay.Testing.Browser;

namespace RolePlay.Benchmarks.Dashboard;

/// <summary>The dashboard of a team of 500 people with a year of practice (500 × 52 person-weeks, two sessions each),
/// on SQLite, served by the real host in local mode: <c>GET /dashboard/api/teams/{team}</c> and one person's page, timed
/// over HTTP. Baselines in the same run: reading the same rows raw from the row store (what the endpoint cannot do
/// faster), and reading every person-week of the team (what a page without the team rows would have to do).
/// Run: <c>dotnet run -c Release --project tests/RolePlay.Benchmarks -- dashboard-load [--keep]</c>.</summary>
internal static class DashboardLoad
{
    public const string TeamId = "team-500";
    public const int People = 500;
    public const int Weeks = 52;
    private const int Iterations = 40;
    private const int WarmUp = 5;

    private static readonly string[] Skills = ["active_listening", "alignment_with_values", "clarity_of_summary", "collaborative_problem_shaping"];

    public static async Task<int> RunAsync(string[] args)
    {
        var dir = Directory.CreateTempSubdirectory("roleplay-dashboard-load-");
        var db = Path.Combine(dir.FullName, "roleplay.db");
        var keep = args.Contains("--keep");
        try
        {
            var seeding = Stopwatch.StartNew();
            await SeedAsync(db, DateTimeOffset.UtcNow);
            Console.WriteLine($"Seeded {People} people × {Weeks} weeks ({People * Weeks:N0} person-weeks) in {seeding.Elapsed.TotalSeconds:0.0} s: {db}");

            var app = BotHost.Build(["--urls", "http://127.0.0.1:0", $"--Storage:Sqlite:Path={db}", "--Logging:LogLevel:Default=Warning"], []);
            await using (app)
            {
                await app.StartAsync();
                var baseUri = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
                using var http = new HttpClient { BaseAddress = baseUri };
                var tenant = new TenantScope("studio", "local");
                var rows = new SqliteRowStore(db, TimeSpan.FromSeconds(5));
                var store = new InsightsStore(rows);
                var window = IsoWeek.Ending(DateTimeOffset.UtcNow, Weeks);
                var teamPk = RowKeys.Join(RowKeys.Tenant(tenant), RowKeys.Part(TeamId));

                var page = await http.GetStringAsync(new Uri($"/dashboard/api/teams/{TeamId}", UriKind.Relative));
                Console.WriteLine($"Team JSON: {page.Length:N0} characters");

                Report("GET /dashboard/api/teams/{team} (HTTP, whole view)", await TimeAsync(async () =>
                    await http.GetStringAsync(new Uri($"/dashboard/api/teams/{TeamId}", UriKind.Relative))));
                Report("GET /dashboard/api/people/{user} (HTTP)", await TimeAsync(async () =>
                    await http.GetStringAsync(new Uri("/dashboard/api/people/agent-250", UriKind.Relative))));
                Report("baseline: the same rows raw (52 team weeks + 500 members)", await TimeAsync(async () =>
                {
                    await rows.RangeAsync(Tables.Insights, teamPk, "team|" + window[0], "team|" + window[^1] + "~", null, CancellationToken.None);
                    await rows.RangeAsync(Tables.Teams, RowKeys.Tenant(tenant), "member|" + TeamId + "|", "member|" + TeamId + "}", null, CancellationToken.None);
                }));
                Report("baseline: every person-week of the team (no team rows)", await TimeAsync(async () =>
                    await store.ListMembersWeeksAsync(tenant, TeamId, window[0], window[^1], CancellationToken.None), iterations: 10));
                await MeasureRenderAsync(baseUri);
                if (keep)
                {
                    Console.WriteLine($"Serving {baseUri}dashboard/ on the seeded data; press Enter to stop.");
                    Console.ReadLine();
                }
            }

            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (!keep)
            {
                dir.Delete(recursive: true);
            }
        }
    }

    /// <summary>The whole page in headless Debian Chromium, fresh profile each load: from navigation start until the
    /// page has fetched its JSON and drawn every chart (its "dashboard-ready" mark). Baseline in the same browser: the
    /// load of /healthz, a page with no data and no script.</summary>
    private static async Task MeasureRenderAsync(Uri baseUri)
    {
        if (!HeadlessChromium.IsInstalled)
        {
            Console.WriteLine($"render in Chromium: not measured, {HeadlessChromium.Path} is missing");
            return;
        }

        using var playwright = await HeadlessChromium.StartPlaywrightAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var dashboard = new List<double>();
        var baseline = new List<double>();
        for (var i = 0; i <= 10; i++)
        {
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(baseUri, "/dashboard/").ToString());
            await page.Locator("body[data-ready]").WaitForAsync();
            var ready = await page.EvaluateAsync<double>("() => performance.getEntriesByName('dashboard-ready')[0].startTime");
            await page.GotoAsync(new Uri(baseUri, "/healthz").ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            var health = await page.EvaluateAsync<double>("() => performance.getEntriesByType('navigation')[0].loadEventEnd");
            if (i > 0)
            {
                dashboard.Add(ready);
                baseline.Add(health);
            }
        }

        Report("Chromium: /dashboard/ drawn (navigation → all charts)", [.. dashboard.Order()]);
        Report("baseline: Chromium loads /healthz from the same host", [.. baseline.Order()]);
    }

    /// <summary>Through the stores' own APIs for the team, people and memberships; the 26,000 person-week rows and the
    /// 52 team rows are written as the insights store lays them out, in 100-row batches (applying 52,000 sessions one by
    /// one would take minutes and measure the writes, not the page).</summary>
    public static async Task SeedAsync(string db, DateTimeOffset now)
    {
        var rows = new SqliteRowStore(db, TimeSpan.FromSeconds(5));
        await rows.InitializeAsync(Tables.All, CancellationToken.None);
        var tenant = new TenantScope("studio", "local");
        var people = new PeopleStore(rows);
        var teams = new TeamStore(rows);
        await teams.SaveAsync(new TeamRecord(tenant, TeamId, "Care (500)", null, null, "Europe/London", [], "sparkles", "clap"), CancellationToken.None);
        var keys = Enumerable.Range(0, People).Select(i => new PersonKey(tenant, $"agent-{i}")).ToArray();
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (key, ct) =>
        {
            await people.SaveAsync(new PersonRecord(key, $"Agent {key.UserId[6..]}", "Europe/London", ConsentState.OptedIn, now, 2, null,
                [DayOfWeek.Monday], null, PersonRole.Agent, false, TeamId, null), ct);
            await teams.AddMemberAsync(tenant, TeamId, new TeamMember(key, now), ct);
        });
        var phrases = new PhraseStore(rows);
        for (var i = 0; i < 20; i++)
        {
            await phrases.AddAsync(new PhraseRecord(tenant, TeamId, $"p{i}", keys[i], $"That sounds really frustrating ({i})", "empathy", now.AddHours(-i)), CancellationToken.None);
        }

        var pairing = new PairingStore(rows);
        for (var round = 1; round <= 4; round++)
        {
            var pairs = Enumerable.Range(0, People / 2).Select(i => new PairRecord(keys[(i * 2 + round) % People], keys[(i * 2 + round + 1) % People])).ToArray();
            await pairing.SaveRoundAsync(new PairingRound(tenant, TeamId, round, now.AddDays(-7 * (4 - round)), pairs, []), CancellationToken.None);
        }

        var window = IsoWeek.Ending(now, Weeks);
        var pk = RowKeys.Join(RowKeys.Tenant(tenant), RowKeys.Part(TeamId));
        var teamWeeks = window.ToDictionary(w => w, WeekInsights.Empty);
        var batch = new List<RowOp>(RowLimits.MaxBatch);
        for (var p = 0; p < People; p++)
        {
            for (var w = 0; w < Weeks; w++)
            {
                var week = PersonWeek(window[w], p, w);
                teamWeeks[window[w]] = Add(teamWeeks[window[w]], week);
                batch.Add(RowOp.Upsert(RowKeys.Join("person", RowKeys.Part(keys[p].UserId), RowKeys.Part(window[w])), StorageJson.Write(week)));
                if (batch.Count == RowLimits.MaxBatch)
                {
                    await rows.SubmitAsync(Tables.Insights, pk, batch.ToArray(), CancellationToken.None);
                    batch.Clear();
                }
            }
        }

        batch.AddRange(teamWeeks.Values.Select(t => RowOp.Upsert(RowKeys.Join("team", RowKeys.Part(t.Week)), StorageJson.Write(t))));
        foreach (var chunk in batch.Chunk(RowLimits.MaxBatch))
        {
            await rows.SubmitAsync(Tables.Insights, pk, chunk, CancellationToken.None);
        }

        // The store reads back what was laid out: 52 team weeks holding every session.
        var stored = await new InsightsStore(rows).ListTeamWeeksAsync(tenant, TeamId, window[0], window[^1], CancellationToken.None);
        if (stored.Count != Weeks || stored.Sum(s => s.Sessions) != People * Weeks * 2)
        {
            throw new InvalidOperationException("The seeded insights do not read back as written.");
        }
    }

    /// <summary>Two sessions a week, scores drifting up over the year with a per-person offset.</summary>
    private static WeekInsights PersonWeek(string week, int person, int w)
    {
        var skills = new Dictionary<string, SkillTally>();
        var phrases = new Dictionary<string, IReadOnlyList<string>>();
        for (var s = 0; s < Skills.Length; s++)
        {
            var score = Math.Clamp(1 + (w / 18) + ((person + s) % 2), 0, 4);
            skills[Skills[s]] = new SkillTally(score * 2, 2);
            phrases[Skills[s]] = [$"Phrase {s} of agent {person}, week {w}"];
        }

        return WeekInsights.Empty(week) with
        {
            Sessions = 2,
            Skills = skills,
            Behaviours = new Dictionary<string, int> { ["empathy"] = 3, ["summary"] = 1 + w % 2, ["confirmation"] = 2 },
            CommitmentsMade = 1,
            CheckIns = w % 2,
            CommitmentsKept = w % 4 == 0 ? 1 : 0,
            EmpathyWins = person % 7 == 0 ? 1 : 0,
            Phrases = phrases,
        };
    }

    private static WeekInsights Add(WeekInsights team, WeekInsights person) => team with
    {
        Sessions = team.Sessions + person.Sessions,
        Skills = person.Skills.ToDictionary(k => k.Key,
            k => team.Skills.TryGetValue(k.Key, out var t) ? new SkillTally(t.Sum + k.Value.Sum, t.Count + k.Value.Count) : k.Value),
        Behaviours = person.Behaviours.ToDictionary(k => k.Key, k => team.Behaviours.GetValueOrDefault(k.Key) + k.Value),
        CommitmentsMade = team.CommitmentsMade + person.CommitmentsMade,
        CheckIns = team.CheckIns + person.CheckIns,
        CommitmentsKept = team.CommitmentsKept + person.CommitmentsKept,
        EmpathyWins = team.EmpathyWins + person.EmpathyWins,
        Phrases = person.Phrases,
    };

    private static async Task<double[]> TimeAsync(Func<Task> call, int iterations = Iterations)
    {
        for (var i = 0; i < WarmUp; i++)
        {
            await call();
        }

        var times = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            await call();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return times;
    }

    private static void Report(string what, double[] sorted)
    {
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-62} n={sorted.Length,3}  p50 {At(0.5),8:0.0} ms  p95 {At(0.95),8:0.0} ms  max {sorted[^1],8:0.0} ms"));
    }
}
