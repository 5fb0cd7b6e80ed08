namespace RolePlay.Core.Insights;

/// <summary>A running sum of 0–4 rubric scores, so a week's mean is exact however many sessions it holds.</summary>
public sealed record SkillTally(int Sum, int Count)
{
    public double? Mean => Count == 0 ? null : (double)Sum / Count;

    public SkillTally Add(int score) => new(Sum + score, Count + 1);
}

/// <summary>What practice added up to in one ISO week, for one person or for their whole team: the pre-aggregated row
/// the dashboard reads instead of scanning sessions. <see cref="Skills"/> is keyed by rubric criterion wire name;
/// <see cref="Behaviours"/> counts agent messages per behaviour label (how often a confirmation, a summary, a named
/// feeling was practised); <see cref="Phrases"/> keeps the newest few exact phrases that earned points, per criterion.
/// <see cref="Version"/> is the store's concurrency token (null = not stored yet).</summary>
public sealed record WeekInsights(
    string Week,
    int Sessions,
    IReadOnlyDictionary<string, SkillTally> Skills,
    IReadOnlyDictionary<string, int> Behaviours,
    int CommitmentsMade,
    int CheckIns,
    int CommitmentsKept,
    int Recognitions,
    int EmpathyWins,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Phrases,
    string? Version = null)
{
    /// <summary>Phrases kept per criterion per row: a sample that shows behaviour, not an archive.</summary>
    public const int PhrasesPerSkill = 3;

    public static WeekInsights Empty(string week) => new(week, 0, new Dictionary<string, SkillTally>(),
        new Dictionary<string, int>(), 0, 0, 0, 0, 0, new Dictionary<string, IReadOnlyList<string>>());

    /// <summary>Behaviour count per scored session this week (0 when nothing was practised).</summary>
    public double? PerSession(string behaviour) =>
        Sessions == 0 ? null : (double)Behaviours.GetValueOrDefault(behaviour) / Sessions;
}
