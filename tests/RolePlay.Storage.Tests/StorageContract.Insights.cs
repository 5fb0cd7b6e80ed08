using System.Text.Json.Nodes;
using RolePlay.Core.Insights;
using RolePlay.Core.Storage;
using RolePlay.Storage.Repositories;
using static RolePlay.Storage.Tests.TestData;

namespace RolePlay.Storage.Tests;

public abstract partial class StorageContract
{
    private const string Week = "2026-W48";

    private protected InsightsStore Insights => new(Rows);

    private static InsightChange Scored(int listening, params string[] evidence) => new InsightChange.SessionScored(
        [new StoredRubricScore("active_listening", listening, evidence), new StoredRubricScore("clarity_of_summary", 2, ["cost: whatever"])],
        new Dictionary<string, int> { ["empathy"] = 2, ["summary"] = 1 });

    [SkippableFact]
    public async Task Insights_add_up_per_person_and_per_team_in_the_same_week()
    {
        SkipIfUnavailable();
        var ana = Person("ana");
        var ben = Person("ben");
        await Insights.ApplyAsync(ana, "support", Week, Scored(3, "That sounds stressful"), Ct);
        await Insights.ApplyAsync(ana, "support", Week, Scored(1, "What happened?"), Ct);
        await Insights.ApplyAsync(ben, "support", Week, Scored(4, "I'd be upset too"), Ct);
        await Insights.ApplyAsync(ana, "support", Week, new InsightChange.CommitmentMade(), Ct);
        await Insights.ApplyAsync(ben, "support", Week, new InsightChange.CheckedIn(Kept: true), Ct);
        await Insights.ApplyAsync(ben, "support", Week, new InsightChange.Recognised(RecognitionKind.EmpathyWin, 1), Ct);
        await Insights.ApplyAsync(ben, "support", "2026-W49", new InsightChange.Recognised(RecognitionKind.Recognition, 1), Ct);

        var anaWeek = Assert.Single(await Insights.ListPersonWeeksAsync(ana, "support", "2026-W01", "2026-W52", Ct));
        Assert.Equal(2, anaWeek.Sessions);
        Assert.Equal(new SkillTally(4, 2), anaWeek.Skills["active_listening"]);
        Assert.Equal(["What happened?", "That sounds stressful"], anaWeek.Phrases["active_listening"]);
        Assert.False(anaWeek.Phrases.ContainsKey("clarity_of_summary")); // a phrase that cost points did not land
        Assert.Equal(4, anaWeek.Behaviours["empathy"]);
        Assert.Equal(1, anaWeek.CommitmentsMade);

        var team = await Insights.ListTeamWeeksAsync(ana.Tenant, "support", "2026-W01", "2026-W52", Ct);
        Assert.Equal([Week, "2026-W49"], team.Select(w => w.Week));
        Assert.Equal(3, team[0].Sessions);
        Assert.Equal(new SkillTally(8, 3), team[0].Skills["active_listening"]);
        Assert.Equal((1, 1, 1, 1, 0), (team[0].CommitmentsMade, team[0].CheckIns, team[0].CommitmentsKept, team[0].EmpathyWins, team[0].Recognitions));
        Assert.Equal(1, team[1].Recognitions);
        Assert.Equal(WeekInsights.PhrasesPerSkill, team[0].Phrases["active_listening"].Count);

        Assert.Equal([Week], (await Insights.ListTeamWeeksAsync(ana.Tenant, "support", Week, Week, Ct)).Select(w => w.Week));
        var members = await Insights.ListMembersWeeksAsync(ana.Tenant, "support", Week, Week, Ct);
        Assert.Equal(["ana", "ben"], members.Select(m => m.UserId).Order());
    }

    [SkippableFact]
    public async Task Insights_are_kept_apart_by_tenant_and_team()
    {
        SkipIfUnavailable();
        await Insights.ApplyAsync(Person("ana", "contoso"), "support", Week, Scored(3), Ct);
        Assert.Empty(await Insights.ListTeamWeeksAsync(Tenant("fabrikam"), "support", "2026-W01", "2026-W52", Ct));
        Assert.Empty(await Insights.ListTeamWeeksAsync(Tenant("contoso"), "sales", "2026-W01", "2026-W52", Ct));
        Assert.Empty(await Insights.ListPersonWeeksAsync(Person("ana", "fabrikam"), "support", "2026-W01", "2026-W52", Ct));
    }

    [SkippableFact]
    public async Task Concurrent_changes_to_one_week_lose_no_count()
    {
        SkipIfUnavailable();
        var second = new InsightsStore(CreateSecondRowStore());
        var writes = Enumerable.Range(0, 12).Select(i =>
            (i % 2 == 0 ? Insights : second).ApplyAsync(Person($"p{i % 3}"), "support", Week, Scored(i % 5), Ct));
        await Task.WhenAll(writes);

        var team = Assert.Single(await Insights.ListTeamWeeksAsync(Tenant(), "support", Week, Week, Ct));
        Assert.Equal(12, team.Sessions);
        Assert.Equal(Enumerable.Range(0, 12).Sum(i => i % 5), team.Skills["active_listening"].Sum);
        var people = await Insights.ListMembersWeeksAsync(Tenant(), "support", Week, Week, Ct);
        Assert.Equal(12, people.Sum(p => p.Week.Sessions));
    }

    [SkippableFact]
    public async Task Kpis_are_stored_in_batches_and_a_reimport_replaces_the_same_week()
    {
        SkipIfUnavailable();
        var rows = Enumerable.Range(1, 52).SelectMany(w => new[]
        {
            new KpiRecord(null, $"2026-W{w:D2}", 300 + w, 0.1, null),
            new KpiRecord("ana", $"2026-W{w:D2}", null, 0.2, 0.01),
        }).ToArray();
        await Insights.SaveKpisAsync(Tenant(), "support", rows, Ct);
        await Insights.SaveKpisAsync(Tenant(), "support", [new KpiRecord(null, "2026-W01", 999, null, 0.5)], Ct);

        var stored = await Insights.ListKpisAsync(Tenant(), "support", Ct);
        Assert.Equal(104, stored.Count);
        Assert.Equal(new KpiRecord(null, "2026-W01", 999, null, 0.5), stored.Single(k => k.UserId is null && k.Week == "2026-W01"));
        Assert.Empty(await Insights.ListKpisAsync(Tenant("fabrikam"), "support", Ct));
    }

    [SkippableFact]
    public async Task A_persons_insight_rows_are_exported_and_forgotten_with_them()
    {
        SkipIfUnavailable();
        var ana = Person("ana");
        await Insights.ApplyAsync(ana, "support", Week, Scored(3, "That sounds stressful"), Ct);
        await Insights.ApplyAsync(Person("ben"), "support", Week, Scored(2), Ct);

        var export = JsonNode.Parse(await PersonalData.ExportAsync(ana, Ct))!;
        Assert.Contains(export["mentionedElsewhere"]!.AsArray(), m => (string?)m!["table"] == "Insights");
        await PersonalData.ForgetAsync(ana, Ct);

        Assert.Empty(await Insights.ListPersonWeeksAsync(ana, "support", Week, Week, Ct));
        Assert.Single(await Insights.ListPersonWeeksAsync(Person("ben"), "support", Week, Week, Ct));
    }
}
