using RolePlay.Core.Insights;
using RolePlay.Core.Storage;

namespace RolePlay.Core.Tests.Insights;

public sealed class InsightsModelTests
{
    [Theory]
    [InlineData("2026-01-01", "2026-W01")] // a Thursday: week 1 of 2026
    [InlineData("2027-01-01", "2026-W53")] // a Friday: still 2026's last week (2026 has 53 ISO weeks)
    [InlineData("2024-12-30", "2025-W01")] // a Monday in December that starts 2025's first week
    [InlineData("2026-11-25", "2026-W48")]
    public void Iso_weeks_follow_the_iso_year_not_the_calendar_year(string day, string week)
    {
        Assert.Equal(week, IsoWeek.Of(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Week_keys_sort_in_time_order_and_step_across_years()
    {
        var weeks = IsoWeek.Ending(new DateTimeOffset(2027, 1, 20, 12, 0, 0, TimeSpan.Zero), 6);
        Assert.Equal(["2026-W51", "2026-W52", "2026-W53", "2027-W01", "2027-W02", "2027-W03"], weeks);
        Assert.Equal(weeks.Order(StringComparer.Ordinal), weeks);
        Assert.Equal("2026-W53", IsoWeek.Add("2027-W01", -1));
        Assert.False(IsoWeek.TryParse("2025-W53", out _)); // 2025 has 52 weeks
        Assert.False(IsoWeek.TryParse("2026-w05", out _));
        Assert.False(IsoWeek.TryParse("2026-W5", out _));
    }

    [Fact]
    public void A_scored_session_adds_scores_behaviours_and_only_phrases_that_earned_points()
    {
        var week = WeekInsights.Empty("2026-W48");
        for (var i = 1; i <= 4; i++)
        {
            week = new InsightChange.SessionScored(
                [new StoredRubricScore("active_listening", i, [$"phrase {i}", "cost: that's the policy"])],
                new Dictionary<string, int> { ["empathy"] = i }).ApplyTo(week);
        }

        Assert.Equal(4, week.Sessions);
        Assert.Equal(2.5, week.Skills["active_listening"].Mean);
        Assert.Equal(["phrase 4", "phrase 3", "phrase 2"], week.Phrases["active_listening"]);
        Assert.Equal(2.5, week.PerSession("empathy"));
        Assert.Equal(0, week.PerSession("summary"));
        Assert.Null(WeekInsights.Empty("2026-W48").PerSession("empathy"));
    }

    [Fact]
    public void Taking_a_recognition_back_never_goes_below_zero()
    {
        var week = new InsightChange.Recognised(RecognitionKind.EmpathyWin, -1).ApplyTo(WeekInsights.Empty("2026-W48"));
        Assert.Equal(0, week.EmpathyWins);
        week = new InsightChange.Recognised(RecognitionKind.Recognition, 1).ApplyTo(week);
        Assert.Equal((1, 0), (week.Recognitions, week.EmpathyWins));
    }

    [Fact]
    public void Pearson_r_matches_a_worked_example()
    {
        // x = 1..5, y = 2, 4, 5, 4, 5: sxy = 6, sxx = 10, syy = 6, so r = 6 / √60 = 0.7746.
        var points = new[] { 2.0, 4, 5, 4, 5 }.Select((y, i) => new KpiPoint($"2026-W0{i + 1}", "team", i + 1, y)).ToArray();
        Assert.Equal(6 / Math.Sqrt(60), KpiCorrelation.Pearson(points)!.Value, 10);
        Assert.Null(KpiCorrelation.Pearson(points.Select(p => p with { Y = 0.1 + 0.2 }).ToArray()));
        Assert.Null(KpiCorrelation.Pearson(points[..1]));
    }

    [Fact]
    public void Kpi_csv_accepts_a_byte_order_mark_crlf_and_empty_cells()
    {
        var parsed = KpiCsv.Parse("\uFEFFsubject,week,handle_time,rework_rate,churn\r\nteam,2026-W05,312.5,,0.031\r\nperson:29:ab,2026-W05,,0.2,\r\n",
            new HashSet<string> { "29:ab" });
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        Assert.Equal([new KpiRecord(null, "2026-W05", 312.5, null, 0.031), new KpiRecord("29:ab", "2026-W05", null, 0.2, null)], parsed.Rows);
    }

    [Fact]
    public void Kpi_csv_lists_every_problem_with_its_line_and_returns_no_rows()
    {
        var parsed = KpiCsv.Parse(string.Join('\n',
            KpiCsv.Header,
            "team,2026-W05,300,0.1,0.02",
            "team,2026-W05,300,0.1",
            "\"team\",2026-W06,300,0.1,0.02",
            "team,2026-W07,-5,0.1,1e3",
            "everyone,2026-W08,300,0.1,0.02"), new HashSet<string>());

        Assert.Empty(parsed.Rows);
        Assert.Equal(
        [
            "line 3: expected 5 fields (subject,week,handle_time,rework_rate,churn), found 4.",
            "line 4: quotes are not accepted; no field needs them.",
            "line 5: handle_time: “-5” must be a number from 0 to 86400.",
            "line 5: churn: “1e3” must be a number from 0 to 1.",
            "line 6: subject: use “team” or “person:<user id>”, not “everyone”.",
        ], parsed.Errors);
        Assert.Equal(["The file has a header but no data lines."], KpiCsv.Parse(KpiCsv.Header + "\n", new HashSet<string>()).Errors);
    }

    [Fact]
    public void Viewers_see_their_own_team_and_their_own_trend_only()
    {
        var tenant = new TenantScope("slack", "T1");
        var manager = new DashboardViewer(tenant, "U1", "Maya", "T1", IsManager: true, IsLocal: false);
        var agent = manager with { UserId = "U2", IsManager = false };
        Assert.True(manager.CanSeeTeam("T1"));
        Assert.False(manager.CanSeeTeam("T2"));
        Assert.False(manager.CanSeePerson("U2"));
        Assert.False(agent.CanSeeTeam("T1"));
        Assert.True(agent.CanSeePerson("U2"));
        Assert.True(DashboardViewer.Local(new TenantScope("studio", "local")).CanSeeTeam("any"));
    }
}
