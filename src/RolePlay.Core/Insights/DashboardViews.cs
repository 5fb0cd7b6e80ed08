namespace RolePlay.Core.Insights;

public sealed record TeamSummary(string TeamId, string Name);

/// <summary>One rubric criterion's weekly mean (null: not practised that week) and the exact phrases that earned points,
/// newest first. <see cref="Progress"/> compares a person with their own past only.</summary>
public sealed record SkillTrend(string Skill, string Label, IReadOnlyList<double?> Mean, IReadOnlyList<string> Landed, string? Progress = null);

/// <summary>Weekly series aligned with the view's <c>Weeks</c>.</summary>
public sealed record ActivitySeries(
    IReadOnlyList<int> Sessions,
    IReadOnlyList<int> CommitmentsMade,
    IReadOnlyList<int> CheckIns,
    IReadOnlyList<int> CommitmentsKept,
    IReadOnlyList<int> Recognitions,
    IReadOnlyList<int> EmpathyWins);

public sealed record LibraryPhrase(string Text, string? Behaviour, DateTimeOffset AtUtc);

public sealed record PairingRoundView(int Round, DateTimeOffset CreatedUtc, int PairCount, IReadOnlyList<IReadOnlyList<string>> Pairs,
    IReadOnlyList<string> Unpaired, int PairsNotShown);

/// <summary>When a routine last ran for the tenant; <see cref="LastRunUtc"/> null: not run yet.</summary>
public sealed record RoutineStatusView(string Routine, DateTimeOffset? LastRunUtc, int Sent, int Skipped, int Failed, string Summary);

/// <summary>A team's page. <see cref="HiddenReason"/> set: the team is below the minimum size and <see cref="Skills"/>
/// and <see cref="Activity"/> are absent. People are never listed by score: there is no per-person figure here.</summary>
public sealed record TeamDashboardView(
    string TeamId,
    string TeamName,
    int Members,
    int MinTeamSize,
    string? HiddenReason,
    IReadOnlyList<string> Weeks,
    IReadOnlyList<SkillTrend>? Skills,
    ActivitySeries? Activity,
    IReadOnlyList<LibraryPhrase> PhraseLibrary,
    IReadOnlyList<PairingRoundView> Pairing,
    IReadOnlyList<RoutineStatusView> Routines);

/// <summary>A person's own page: their trend against their own past, nobody else's.</summary>
public sealed record PersonDashboardView(
    string UserId,
    string DisplayName,
    IReadOnlyList<string> Weeks,
    IReadOnlyList<SkillTrend> Skills,
    ActivitySeries Activity);

public sealed record KpiView(string TeamId, string? HiddenReason, int Rows, IReadOnlyList<KpiComparison> Comparisons, string Header);

/// <summary>An import: stored (<see cref="Stored"/> rows) or refused with every problem and nothing stored.</summary>
public sealed record KpiImportResult(int Stored, IReadOnlyList<string> Errors);
