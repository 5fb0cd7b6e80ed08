using RolePlay.Core.Storage;

namespace RolePlay.Core.Insights;

/// <summary>Who is looking at the dashboard, resolved from their sign-in (or the loopback caller in local mode). Every
/// read starts from <see cref="Tenant"/>: no URL names a tenant, so another tenant's data cannot be asked for.</summary>
/// <param name="UserId">The signed-in person (null for the local manager view).</param>
/// <param name="TeamId">The team the person belongs to, if any.</param>
/// <param name="IsLocal">Local mode: the machine's own user, a manager of every team in the local tenant.</param>
public sealed record DashboardViewer(TenantScope Tenant, string? UserId, string? DisplayName, string? TeamId, bool IsManager, bool IsLocal)
{
    public static DashboardViewer Local(TenantScope tenant) => new(tenant, null, "Local manager", null, IsManager: true, IsLocal: true);

    public static DashboardViewer Of(PersonKey key, PersonRecord? person) =>
        new(key.Tenant, key.UserId, person?.DisplayName ?? key.UserId, person?.TeamId, person?.Role == PersonRole.Manager, IsLocal: false);

    /// <summary>Team aggregates are for that team's managers.</summary>
    public bool CanSeeTeam(string teamId) => IsLocal || (IsManager && TeamId == teamId);

    /// <summary>A person's own trend is theirs alone (the local machine's user sees the local people it practises as).</summary>
    public bool CanSeePerson(string userId) => IsLocal || UserId == userId;
}

public sealed record DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>Teams with fewer members than this show no aggregates: with a handful of people a "team" figure is a
    /// person's figure.</summary>
    public int MinTeamSize { get; init; } = 5;

    /// <summary>How many weeks the trends span.</summary>
    public int Weeks { get; init; } = 52;
}
