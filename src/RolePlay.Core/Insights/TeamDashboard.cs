using RolePlay.Core.Practice;
using RolePlay.Core.Routines;
using RolePlay.Core.Storage;

namespace RolePlay.Core.Insights;

/// <summary>Builds the dashboard's views from the pre-aggregated insights (a bounded range of week rows per page), the
/// phrase library, pairing history and routine status, applying the access rules of <see cref="DashboardViewer"/>:
/// null means "not for you" (or not there), and callers answer 404 without telling which. Private reflections are not
/// read here at all. <paramref name="routines"/> is null until a routine runner is registered ("not run yet").</summary>
public sealed class TeamDashboard(
    IInsightsStore insights,
    ITeamStore teams,
    IPeopleStore people,
    IPhraseStore phrases,
    IPairingStore pairing,
    IRoutineStatusStore? routines,
    DashboardOptions options,
    TimeProvider time)
{
    private const int LandedShown = 5;
    private const int LibraryShown = 20;
    private const int RoundsShown = 4;
    private const int PairsShown = 30;
    private const int RecentWeeks = 4;

    public async Task<IReadOnlyList<TeamSummary>> ListTeamsAsync(DashboardViewer viewer, CancellationToken ct)
    {
        var all = await teams.ListAsync(viewer.Tenant, ct).ConfigureAwait(false);
        return all.Where(t => viewer.CanSeeTeam(t.TeamId)).Select(t => new TeamSummary(t.TeamId, t.Name)).ToArray();
    }

    public async Task<TeamDashboardView?> TeamAsync(DashboardViewer viewer, string teamId, CancellationToken ct)
    {
        if (!viewer.CanSeeTeam(teamId) || await teams.GetAsync(viewer.Tenant, teamId, ct).ConfigureAwait(false) is not { } team)
        {
            return null;
        }

        var weeks = Window();
        var membersTask = teams.ListMembersAsync(viewer.Tenant, teamId, ct);
        var libraryTask = phrases.ListAsync(viewer.Tenant, teamId, LibraryShown, ct);
        var roundsTask = pairing.ListRecentAsync(viewer.Tenant, teamId, RoundsShown, ct);
        var routinesTask = RoutinesAsync(viewer.Tenant, ct);
        var members = (await membersTask.ConfigureAwait(false)).Count;
        var hidden = HiddenReason(members);
        IReadOnlyList<SkillTrend>? skills = null;
        ActivitySeries? activity = null;
        if (hidden is null)
        {
            var rows = await insights.ListTeamWeeksAsync(viewer.Tenant, teamId, weeks[0], weeks[^1], ct).ConfigureAwait(false);
            skills = Skills(weeks, rows, withProgress: false);
            activity = Activity(weeks, rows);
        }

        var library = (await libraryTask.ConfigureAwait(false)).Select(p => new LibraryPhrase(p.Text, p.Behaviour, p.AtUtc)).ToArray();
        var rounds = await PairingAsync(await roundsTask.ConfigureAwait(false), ct).ConfigureAwait(false);
        return new TeamDashboardView(teamId, team.Name, members, options.MinTeamSize, hidden, weeks, skills, activity, library, rounds,
            await routinesTask.ConfigureAwait(false));
    }

    public async Task<PersonDashboardView?> PersonAsync(DashboardViewer viewer, string userId, CancellationToken ct)
    {
        if (!viewer.CanSeePerson(userId))
        {
            return null;
        }

        var key = new PersonKey(viewer.Tenant, userId);
        var person = await people.GetAsync(key, ct).ConfigureAwait(false);
        if (person is null && viewer.IsLocal)
        {
            return null;
        }

        var weeks = Window();
        var rows = await insights.ListPersonWeeksAsync(key, person?.TeamId ?? InsightsRecorder.NoTeam, weeks[0], weeks[^1], ct)
            .ConfigureAwait(false);
        return new PersonDashboardView(userId, person?.DisplayName ?? viewer.DisplayName ?? userId, weeks,
            Skills(weeks, rows, withProgress: true), Activity(weeks, rows));
    }

    public async Task<KpiView?> KpiAsync(DashboardViewer viewer, string teamId, CancellationToken ct)
    {
        if (!viewer.CanSeeTeam(teamId) || await teams.GetAsync(viewer.Tenant, teamId, ct).ConfigureAwait(false) is null)
        {
            return null;
        }

        var members = await teams.ListMembersAsync(viewer.Tenant, teamId, ct).ConfigureAwait(false);
        if (HiddenReason(members.Count) is { } hidden)
        {
            return new KpiView(teamId, hidden, 0, [], KpiCsv.Header);
        }

        var kpis = await insights.ListKpisAsync(viewer.Tenant, teamId, ct).ConfigureAwait(false);
        if (kpis.Count == 0)
        {
            return new KpiView(teamId, null, 0, [], KpiCsv.Header);
        }

        var from = kpis.Min(k => k.Week)!;
        var to = kpis.Max(k => k.Week)!;
        var teamWeeks = await insights.ListTeamWeeksAsync(viewer.Tenant, teamId, from, to, ct).ConfigureAwait(false);
        var personWeeks = kpis.Any(k => k.UserId is not null)
            ? await insights.ListMembersWeeksAsync(viewer.Tenant, teamId, from, to, ct).ConfigureAwait(false)
            : [];
        return new KpiView(teamId, null, kpis.Count, KpiCorrelation.Compare(kpis, teamWeeks, personWeeks), KpiCsv.Header);
    }

    /// <summary>Validates the whole file first; stores only when every line is good. Null: not this viewer's team.</summary>
    public async Task<KpiImportResult?> ImportKpisAsync(DashboardViewer viewer, string teamId, string csv, CancellationToken ct)
    {
        if (!viewer.CanSeeTeam(teamId) || await teams.GetAsync(viewer.Tenant, teamId, ct).ConfigureAwait(false) is null)
        {
            return null;
        }

        var members = await teams.ListMembersAsync(viewer.Tenant, teamId, ct).ConfigureAwait(false);
        var parsed = KpiCsv.Parse(csv, members.Select(m => m.Person.UserId).ToHashSet(StringComparer.Ordinal));
        if (!parsed.IsValid)
        {
            return new KpiImportResult(0, parsed.Errors);
        }

        await insights.SaveKpisAsync(viewer.Tenant, teamId, parsed.Rows, ct).ConfigureAwait(false);
        return new KpiImportResult(parsed.Rows.Count, []);
    }

    private IReadOnlyList<string> Window() => IsoWeek.Ending(time.GetUtcNow(), options.Weeks);

    private string? HiddenReason(int members) => members >= options.MinTeamSize
        ? null
        : $"This team has {members} member{(members == 1 ? "" : "s")}; team figures appear from {options.MinTeamSize}, " +
          "so that no one's practice can be read off a team total.";

    private static IReadOnlyList<SkillTrend> Skills(IReadOnlyList<string> weeks, IReadOnlyList<WeekInsights> rows, bool withProgress)
    {
        var byWeek = rows.ToDictionary(r => r.Week);
        return Enum.GetValues<RubricCriterion>().Select(criterion =>
        {
            var skill = WireName.Of(criterion);
            var tallies = weeks.Select(w => byWeek.GetValueOrDefault(w)?.Skills.GetValueOrDefault(skill)).ToArray();
            var landed = rows.OrderByDescending(r => r.Week, StringComparer.Ordinal)
                .SelectMany(r => r.Phrases.GetValueOrDefault(skill, []))
                .Distinct()
                .Take(LandedShown)
                .ToArray();
            return new SkillTrend(skill, Label(skill), tallies.Select(t => t?.Mean is { } m ? Math.Round(m, 2) : (double?)null).ToArray(),
                landed, withProgress ? Progress(tallies) : null);
        }).ToArray();
    }

    /// <summary>The last four weeks against the weeks before them, for the same person: progress on their own past.</summary>
    private static string Progress(IReadOnlyList<SkillTally?> tallies)
    {
        static SkillTally Sum(IEnumerable<SkillTally?> t) =>
            t.Aggregate(new SkillTally(0, 0), (a, b) => b is null ? a : new SkillTally(a.Sum + b.Sum, a.Count + b.Count));

        var recent = Sum(tallies.Skip(tallies.Count - RecentWeeks));
        var before = Sum(tallies.Take(tallies.Count - RecentWeeks));
        if (recent.Mean is not { } now)
        {
            return "Not practised in the last four weeks.";
        }

        if (before.Mean is not { } then)
        {
            return $"Averaging {now:0.0} of 4 in the last four weeks; your earlier weeks will show your progress.";
        }

        var change = now - then;
        return Math.Abs(change) < 0.25
            ? $"Steady: {now:0.0} of 4 lately, {then:0.0} before."
            : change > 0
                ? $"Up on your own past: {now:0.0} of 4 lately, from {then:0.0} before."
                : $"Lower than your own past: {now:0.0} of 4 lately, {then:0.0} before — a skill to practise next.";
    }

    private static ActivitySeries Activity(IReadOnlyList<string> weeks, IReadOnlyList<WeekInsights> rows)
    {
        var byWeek = rows.ToDictionary(r => r.Week);
        int[] Series(Func<WeekInsights, int> pick) => weeks.Select(w => byWeek.TryGetValue(w, out var r) ? pick(r) : 0).ToArray();
        return new ActivitySeries(Series(r => r.Sessions), Series(r => r.CommitmentsMade), Series(r => r.CheckIns),
            Series(r => r.CommitmentsKept), Series(r => r.Recognitions), Series(r => r.EmpathyWins));
    }

    private async Task<IReadOnlyList<PairingRoundView>> PairingAsync(IReadOnlyList<PairingRound> rounds, CancellationToken ct)
    {
        var names = new Dictionary<PersonKey, string>();
        var views = new List<PairingRoundView>(rounds.Count);
        foreach (var round in rounds)
        {
            // Only the newest round's pairs are named, so a large team costs a bounded number of reads.
            var shown = views.Count == 0 ? round.Pairs.Take(PairsShown).ToArray() : [];
            var unpaired = views.Count == 0 ? round.Unpaired.ToArray() : [];
            var missing = shown.SelectMany(p => new[] { p.First, p.Second }).Concat(unpaired).Where(k => !names.ContainsKey(k)).Distinct().ToArray();
            var found = await Task.WhenAll(missing.Select(k => people.GetAsync(k, ct))).ConfigureAwait(false);
            for (var i = 0; i < missing.Length; i++)
            {
                names[missing[i]] = found[i]?.DisplayName ?? missing[i].UserId;
            }

            views.Add(new PairingRoundView(round.RoundNumber, round.CreatedUtc, round.Pairs.Count,
                shown.Select(p => (IReadOnlyList<string>)[names[p.First], names[p.Second]]).ToArray(),
                unpaired.Select(k => names[k]).ToArray(), round.Pairs.Count - shown.Length));
        }

        return views;
    }

    private async Task<IReadOnlyList<RoutineStatusView>> RoutinesAsync(TenantScope tenant, CancellationToken ct)
    {
        var runs = routines is null ? [] : await routines.ListAsync(tenant, ct).ConfigureAwait(false);
        return Enum.GetValues<RoutineKind>().Select(kind =>
            runs.Where(r => r.Routine == kind).MaxBy(r => r.LastRunUtc) is { } run
                ? new RoutineStatusView(WireName.Of(kind), run.LastRunUtc, run.Sent, run.Skipped, run.Failed, run.Summary)
                : new RoutineStatusView(WireName.Of(kind), null, 0, 0, 0, "not run yet")).ToArray();
    }

    private static string Label(string wire) => char.ToUpperInvariant(wire[0]) + wire[1..].Replace('_', ' ');
}
