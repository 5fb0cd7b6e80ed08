using System.Net;
using System.Text;
using System.Text.Json;
using RolePlay.Core.Insights;
using RolePlay.Core.Routines;
using RolePlay.Core.Storage;

namespace RolePlay.Bot.Tests.Dashboard;

/// <summary>The dashboard JSON, read from the real host after real practice sessions: every figure must match what
/// the sessions stored (rubrics, turns), and nothing private or ranked may appear.</summary>
public sealed class DashboardReadModelTests(SeededDashboard seeded) : IClassFixture<SeededDashboard>
{
    private static CancellationToken Ct => CancellationToken.None;

    private HttpClient Http => seeded.Host.Client;

    [Fact]
    public async Task Weekly_skill_means_and_activity_match_the_scored_sessions()
    {
        var team = await GetAsync($"/dashboard/api/teams/{PracticeSeed.TeamId}");
        var weeks = team.GetProperty("weeks").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Equal(52, weeks.Count);
        Assert.Equal(IsoWeek.Of(DateTimeOffset.UtcNow), weeks[^1]);
        Assert.Equal(JsonValueKind.Null, team.GetProperty("hiddenReason").ValueKind);
        Assert.Equal(6, team.GetProperty("members").GetInt32());

        var teamSessions = seeded.Seed.Sessions.Where(s => s.Person.UserId.StartsWith("agent-", StringComparison.Ordinal)).ToList();
        var rubrics = new List<(string Week, RubricResultRecord Rubric)>();
        foreach (var (person, sessionId, week) in teamSessions)
        {
            rubrics.Add((week, (await seeded.Bot.Learning.GetRubricAsync(person, sessionId, Ct))!));
        }

        foreach (var skill in team.GetProperty("skills").EnumerateArray())
        {
            var name = skill.GetProperty("skill").GetString()!;
            var means = skill.GetProperty("mean").EnumerateArray().ToList();
            for (var i = 0; i < weeks.Count; i++)
            {
                var scores = rubrics.Where(r => r.Week == weeks[i]).Select(r => r.Rubric.Scores.Single(s => s.Criterion == name).Score).ToList();
                if (scores.Count == 0)
                {
                    Assert.Equal(JsonValueKind.Null, means[i].ValueKind);
                }
                else
                {
                    Assert.Equal(Math.Round(scores.Average(), 2), means[i].GetDouble(), 3);
                }
            }

            var evidence = rubrics.SelectMany(r => r.Rubric.Scores.Where(s => s.Criterion == name).SelectMany(s => s.Evidence)).ToHashSet();
            Assert.All(skill.GetProperty("landed").EnumerateArray(), p => Assert.Contains(p.GetString()!, evidence));
        }

        Assert.Contains(team.GetProperty("skills").EnumerateArray(), s => s.GetProperty("landed").GetArrayLength() > 0);
        var activity = team.GetProperty("activity");
        var sessions = Ints(activity, "sessions");
        Assert.Equal(teamSessions.Count, sessions.Sum());
        for (var i = 0; i < weeks.Count; i++)
        {
            Assert.Equal(teamSessions.Count(s => s.Week == weeks[i]), sessions[i]);
        }

        // Agent 1 committed after every session, agent 2 only after the first.
        Assert.Equal(SeededDashboard.Weeks + 1, Ints(activity, "commitmentsMade").Sum());
        Assert.Equal(1, Ints(activity, "recognitions").Sum());
        Assert.Equal(1, Ints(activity, "empathyWins").Sum()); // the second was taken back
    }

    [Fact]
    public async Task A_persons_own_trend_is_their_sessions_against_their_own_past()
    {
        var person = await GetAsync("/dashboard/api/people/agent-1");
        var weeks = person.GetProperty("weeks").EnumerateArray().Select(w => w.GetString()!).ToList();
        var own = seeded.Seed.Sessions.Where(s => s.Person.UserId == "agent-1").ToList();
        var listening = person.GetProperty("skills").EnumerateArray().Single(s => s.GetProperty("skill").GetString() == "active_listening");
        foreach (var (key, sessionId, week) in own)
        {
            var rubric = await seeded.Bot.Learning.GetRubricAsync(key, sessionId, Ct);
            Assert.Equal(rubric!.Scores.Single(s => s.Criterion == "active_listening").Score,
                listening.GetProperty("mean")[weeks.IndexOf(week)].GetDouble());
        }

        Assert.Equal(own.Count, Ints(person.GetProperty("activity"), "sessions").Sum());
        Assert.Contains("of 4", listening.GetProperty("progress").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Private_reflections_never_appear_and_no_one_is_ranked()
    {
        var pages = new[]
        {
            "/dashboard/api/viewer", $"/dashboard/api/teams/{PracticeSeed.TeamId}", $"/dashboard/api/teams/{PracticeSeed.TeamId}/kpis",
            "/dashboard/api/people/agent-1", $"/dashboard/api/teams/{SeededDashboard.SmallTeamId}",
        };
        foreach (var page in pages)
        {
            var json = await Http.GetStringAsync(new Uri(page, UriKind.Relative));
            Assert.DoesNotContain("PRIVATE", json, StringComparison.Ordinal);
            Assert.DoesNotContain("froze", json, StringComparison.Ordinal);
        }

        // The team page holds team figures only: no person is named, so none can be ordered by points.
        var team = await Http.GetStringAsync(new Uri($"/dashboard/api/teams/{PracticeSeed.TeamId}", UriKind.Relative));
        foreach (var i in Enumerable.Range(1, 5))
        {
            Assert.DoesNotContain($"agent-{i}", team, StringComparison.Ordinal);
            Assert.DoesNotContain($"Number{i}", team, StringComparison.Ordinal);
        }

        var html = await Http.GetStringAsync(new Uri("/dashboard/", UriKind.Relative))
                   + await Http.GetStringAsync(new Uri("/dashboard/assets/dashboard.js", UriKind.Relative));
        Assert.DoesNotContain("\"rank", team, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("leaderboard", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_team_below_the_minimum_size_shows_no_aggregates_and_says_why()
    {
        var team = await GetAsync($"/dashboard/api/teams/{SeededDashboard.SmallTeamId}");
        Assert.Equal(3, team.GetProperty("members").GetInt32());
        Assert.Contains("from 5", team.GetProperty("hiddenReason").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, team.GetProperty("skills").ValueKind);
        Assert.Equal(JsonValueKind.Null, team.GetProperty("activity").ValueKind);
        Assert.DoesNotContain("sounds really stressful", team.GetRawText(), StringComparison.Ordinal);

        var kpis = await GetAsync($"/dashboard/api/teams/{SeededDashboard.SmallTeamId}/kpis");
        Assert.NotEqual(JsonValueKind.Null, kpis.GetProperty("hiddenReason").ValueKind);
        Assert.Empty(kpis.GetProperty("comparisons").EnumerateArray());

        // Tia practised: her own trend is hers to see even though her team's is hidden.
        Assert.Equal(1, Ints((await GetAsync("/dashboard/api/people/tia")).GetProperty("activity"), "sessions").Sum());
    }

    [Fact]
    public async Task Routines_that_never_ran_say_so()
    {
        var team = await GetAsync($"/dashboard/api/teams/{PracticeSeed.TeamId}");
        var routines = team.GetProperty("routines").EnumerateArray().ToList();
        Assert.Equal(Enum.GetValues<Core.Routines.RoutineKind>().Length, routines.Count);
        Assert.All(routines, r => Assert.Equal("not run yet", r.GetProperty("summary").GetString()));
    }

    [Fact]
    public async Task The_page_and_its_assets_are_served_from_the_bot()
    {
        using var page = await Http.GetAsync(new Uri("/dashboard/", UriKind.Relative));
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("/dashboard/assets/dashboard.js", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var noSlash = await Http.GetAsync(new Uri("/dashboard", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, noSlash.StatusCode);
        using var css = await Http.GetAsync(new Uri("/dashboard/assets/dashboard.css", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        using var missing = await Http.GetAsync(new Uri("/dashboard/assets/secrets.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Unknown_teams_and_people_are_not_found()
    {
        foreach (var url in new[] { "/dashboard/api/teams/nope", "/dashboard/api/people/nobody", "/dashboard/api/teams/nope/kpis" })
        {
            using var response = await Http.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using var post = await Http.PostAsync(new Uri("/dashboard/api/teams/nope/kpis", UriKind.Relative),
            new StringContent(KpiCsv.Header + "\nteam,2026-W01,300,,", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    private async Task<JsonElement> GetAsync(string url)
    {
        using var response = await Http.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    internal static int[] Ints(JsonElement parent, string name) => parent.GetProperty(name).EnumerateArray().Select(e => e.GetInt32()).ToArray();
}

public sealed class DashboardSettingsTests
{
    [Theory]
    [InlineData("--Dashboard:MinTeamSize=0")]
    [InlineData("--Dashboard:Weeks=2")]
    public void A_bad_dashboard_setting_stops_the_start_naming_the_setting(string setting)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            Hosting.BotHost.Build(["--urls", "http://127.0.0.1:0", "--Storage:Sqlite:Path=unused.db", setting], []));
        Assert.Contains(setting[2..setting.IndexOf('=', StringComparison.Ordinal)], error.Message, StringComparison.Ordinal);
    }
}
