using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Core.Insights;
using RolePlay.Core.Practice;

namespace RolePlay.Bot.Tests.Dashboard;

/// <summary>KPI import through the real host: strict validation (every bad line named, nothing stored), and the
/// correlation with practised skills computed from the sessions' own turns.</summary>
public sealed class KpiImportTests(SeededDashboard seeded) : IClassFixture<SeededDashboard>
{
    private static readonly Uri Kpis = new($"/dashboard/api/teams/{PracticeSeed.TeamId}/kpis", UriKind.Relative);

    private HttpClient Http => seeded.Host.Client;

    [Fact]
    public async Task A_malformed_file_is_refused_with_every_bad_line_and_nothing_is_stored()
    {
        var weeks = seeded.Seed.Sessions.Select(s => s.Week).Distinct().Order().ToArray();
        var before = await StoredAsync();
        var csv = string.Join('\n',
            KpiCsv.Header,
            $"team,{weeks[0]},310.5,0.12,0.03",
            "team,2026-W60,300,0.1,0.02",
            $"person:agent-1,{weeks[1]},271.5,,",
            $"team,{weeks[2]},300,1.7,abc",
            $"person:stranger,{weeks[2]},300,0.1,",
            $"team,{weeks[0]},300,0.1,0.02",
            $"team,{weeks[3]},,,");

        using var response = await PostAsync(csv);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")
            .EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(errors, e => e.StartsWith("line 3: week", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("line 5: rework_rate", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("line 5: churn", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("line 6: subject", StringComparison.Ordinal) && e.Contains("stranger", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("line 7:", StringComparison.Ordinal) && e.Contains("line 2", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("line 8: no measure", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.StartsWith("line 2:", StringComparison.Ordinal) || e.StartsWith("line 4:", StringComparison.Ordinal));

        Assert.Equal(before, await StoredAsync());
        Assert.DoesNotContain(await StoredAsync(), k => k.HandleTimeSeconds is 310.5 or 271.5);

        using var wrongHeader = await PostAsync("team,week,aht\nteam,2026-W01,300");
        Assert.Equal("line 1: the header must be exactly “subject,week,handle_time,rework_rate,churn”.",
            JsonDocument.Parse(await wrongHeader.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0].GetString());

        using var form = await Http.PostAsync(Kpis, new StringContent(csv, Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);

        using var huge = await PostAsync(KpiCsv.Header + "\n" + new string('x', DashboardServicesLimit + 1));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task A_good_file_is_plotted_against_practised_skills_with_n_and_pearson_r()
    {
        // Team rows for every practised week: rework falls as confirmations rise, plus a wobble so r is not ±1.
        var perWeek = await ConfirmationsPerSessionByWeekAsync();
        var rows = perWeek.Select((w, i) => (w.Week, Rework: Math.Round(0.3 - 0.05 * w.PerSession + (i % 3) * 0.01, 4))).ToList();
        var csv = KpiCsv.Header + "\r\n" + string.Join("\r\n", rows.Select(r =>
            string.Create(CultureInfo.InvariantCulture, $"team,{r.Week},{300 + r.Week.GetHashCode(StringComparison.Ordinal) % 7},{r.Rework},0.02")));

        using var response = await PostAsync(csv);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(rows.Count, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("stored").GetInt32());

        var view = await GetViewAsync();
        var rework = view.GetProperty("comparisons").EnumerateArray().Single(c => c.GetProperty("kpi").GetString() == "rework_rate"
            && c.GetProperty("title").GetString()!.EndsWith("(team weeks)", StringComparison.Ordinal));
        Assert.Equal(rows.Count, rework.GetProperty("n").GetInt32());
        var expected = Pearson(perWeek.Select(w => w.PerSession).ToArray(), rows.Select(r => r.Rework).ToArray());
        Assert.Equal(Math.Round(expected, 2), rework.GetProperty("r").GetDouble(), 3);
        Assert.True(expected < -0.5, $"the seeded relation is negative (r = {expected})");
        var statement = rework.GetProperty("statement").GetString()!;
        Assert.Contains($"n = {rows.Count}", statement, StringComparison.Ordinal);
        Assert.Contains("Correlation, not causation", statement, StringComparison.Ordinal);

        // The churn column never varies: nothing to correlate, said plainly rather than r = NaN.
        var churn = view.GetProperty("comparisons").EnumerateArray().Single(c => c.GetProperty("kpi").GetString() == "churn"
            && c.GetProperty("title").GetString()!.EndsWith("(team weeks)", StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Null, churn.GetProperty("r").ValueKind);
        Assert.Contains("did not vary", churn.GetProperty("statement").GetString(), StringComparison.Ordinal);

        // Agent 2 practised in three weeks only: person-level rows are too few to say anything.
        var agent2Weeks = seeded.Seed.Sessions.Where(s => s.Person.UserId == "agent-2").Select(s => s.Week).ToList();
        using var people = await PostAsync(KpiCsv.Header + "\n" + string.Join("\n", agent2Weeks.Select((w, i) => $"person:agent-2,{w},{280 + i},0.1,0.0{i}")));
        Assert.Equal(HttpStatusCode.OK, people.StatusCode);
        var personRework = (await GetViewAsync()).GetProperty("comparisons").EnumerateArray()
            .Single(c => c.GetProperty("kpi").GetString() == "churn" && c.GetProperty("title").GetString()!.EndsWith("(person weeks)", StringComparison.Ordinal));
        Assert.True(personRework.GetProperty("tooFew").GetBoolean());
        Assert.Equal(JsonValueKind.Null, personRework.GetProperty("r").ValueKind);
        Assert.Contains("Too few weeks", personRework.GetProperty("statement").GetString(), StringComparison.Ordinal);
    }

    /// <summary>From the stored turns, not the read model: agent messages labelled "confirmation" per scored session,
    /// per week, for the team's sessions.</summary>
    private async Task<List<(string Week, double PerSession)>> ConfirmationsPerSessionByWeekAsync()
    {
        var counts = new List<(string Week, int Confirmations)>();
        foreach (var (person, sessionId, week) in seeded.Seed.Sessions.Where(s => s.Person.UserId.StartsWith("agent-", StringComparison.Ordinal)))
        {
            var turns = await seeded.Bot.Sessions.GetTurnsAsync(person, sessionId, CancellationToken.None);
            counts.Add((week, turns.Count(t => t.Speaker == "agent" && t.Labels.Contains("confirmation"))));
        }

        return counts.GroupBy(c => c.Week).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (double)g.Sum(c => c.Confirmations) / g.Count())).ToList();
    }

    private static double Pearson(double[] x, double[] y)
    {
        var mx = x.Average();
        var my = y.Average();
        var sxy = x.Zip(y).Sum(p => (p.First - mx) * (p.Second - my));
        return sxy / Math.Sqrt(x.Sum(v => (v - mx) * (v - mx)) * y.Sum(v => (v - my) * (v - my)));
    }

    private const int DashboardServicesLimit = RolePlay.Dashboard.DashboardEndpoints.MaxKpiBytes;

    private Task<IReadOnlyList<KpiRecord>> StoredAsync() =>
        seeded.Host.Services.GetRequiredService<IInsightsStore>().ListKpisAsync(new("studio", PracticeSeed.Tenant), PracticeSeed.TeamId, CancellationToken.None);

    private Task<HttpResponseMessage> PostAsync(string csv) => Http.PostAsync(Kpis, new StringContent(csv, Encoding.UTF8, "text/csv"));

    private async Task<JsonElement> GetViewAsync() => JsonDocument.Parse(await Http.GetStringAsync(Kpis)).RootElement.Clone();
}
