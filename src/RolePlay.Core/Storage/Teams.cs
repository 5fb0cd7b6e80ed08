namespace RolePlay.Core.Storage;

public sealed record TeamRecord(
    TenantScope Tenant,
    string TeamId,
    string Name,
    string? StandupChannelId,
    TimeOnly? StandupTime,
    string TimeZone,
    IReadOnlyList<string> ServiceValues,
    string EmpathyWinEmoji,
    string RecognitionEmoji,
    string? Version = null);

public sealed record TeamMember(PersonKey Person, DateTimeOffset JoinedUtc);

public interface ITeamStore
{
    Task<TeamRecord?> GetAsync(TenantScope tenant, string teamId, CancellationToken ct);

    Task<TeamRecord> SaveAsync(TeamRecord team, CancellationToken ct);

    Task<IReadOnlyList<TeamRecord>> ListAsync(TenantScope tenant, CancellationToken ct);

    /// <summary>Adds (or re-adds) a member; the person must be in the team's tenant.</summary>
    Task AddMemberAsync(TenantScope tenant, string teamId, TeamMember member, CancellationToken ct);

    Task RemoveMemberAsync(TenantScope tenant, string teamId, PersonKey person, CancellationToken ct);

    Task<IReadOnlyList<TeamMember>> ListMembersAsync(TenantScope tenant, string teamId, CancellationToken ct);
}
