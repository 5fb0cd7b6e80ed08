using RolePlay.Core.Storage;

namespace RolePlay.Core.Insights;

/// <summary>One imported KPI row: a team's week (<see cref="UserId"/> null) or one person's. A null measure was not
/// measured that week. Handle time is in seconds; rework and churn are fractions from 0 to 1.</summary>
public sealed record KpiRecord(string? UserId, string Week, double? HandleTimeSeconds, double? ReworkRate, double? ChurnRate);

/// <summary>The dashboard's pre-aggregated read model, partitioned by tenant and team: a row per team per week, a row
/// per person per week, and the imported KPIs. Page loads read a bounded range of rows, never sessions.</summary>
public interface IInsightsStore
{
    /// <summary>Applies <paramref name="change"/> to the person's and the team's row of <paramref name="week"/> in one
    /// atomic write, re-reading and retrying when another write got there first, so no count is lost.</summary>
    Task ApplyAsync(PersonKey person, string teamId, string week, InsightChange change, CancellationToken ct);

    /// <summary>The team's weeks from <paramref name="fromWeek"/> to <paramref name="toWeek"/> inclusive, oldest first;
    /// weeks with nothing in them are absent.</summary>
    Task<IReadOnlyList<WeekInsights>> ListTeamWeeksAsync(TenantScope tenant, string teamId, string fromWeek, string toWeek, CancellationToken ct);

    /// <summary>One person's weeks (as counted in <paramref name="teamId"/>), oldest first.</summary>
    Task<IReadOnlyList<WeekInsights>> ListPersonWeeksAsync(PersonKey person, string teamId, string fromWeek, string toWeek, CancellationToken ct);

    /// <summary>Every person's weeks in a team, for correlating person-level KPIs (not read by the main page).</summary>
    Task<IReadOnlyList<(string UserId, WeekInsights Week)>> ListMembersWeeksAsync(TenantScope tenant, string teamId, string fromWeek,
        string toWeek, CancellationToken ct);

    /// <summary>Stores validated KPI rows; a row for a (subject, week) already stored replaces it.</summary>
    Task SaveKpisAsync(TenantScope tenant, string teamId, IReadOnlyList<KpiRecord> rows, CancellationToken ct);

    Task<IReadOnlyList<KpiRecord>> ListKpisAsync(TenantScope tenant, string teamId, CancellationToken ct);
}
