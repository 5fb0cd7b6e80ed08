using RolePlay.Core.Storage;

namespace RolePlay.Core.Routines;

/// <summary>A team's members as routines see them. Teams are small and few, so a routine reads the member rows (one
/// range) and each member's profile (point reads) when it falls due — once a week per team, never per minute.</summary>
public sealed class TeamRoster(IPeopleStore people, ITeamStore teams)
{
    /// <summary>Members in a stable order (by user id), with their profiles; members whose profile names another team
    /// (they moved on) are left out.</summary>
    public async Task<IReadOnlyList<PersonRecord>> MembersAsync(TeamRecord team, CancellationToken ct)
    {
        var members = await teams.ListMembersAsync(team.Tenant, team.TeamId, ct).ConfigureAwait(false);
        var found = new List<PersonRecord>(members.Count);
        foreach (var member in members.OrderBy(m => m.Person.UserId, StringComparer.Ordinal))
        {
            if (await people.GetAsync(member.Person, ct).ConfigureAwait(false) is { } person && person.TeamId == team.TeamId)
            {
                found.Add(person);
            }
        }

        return found;
    }

    /// <summary>Members a routine may involve now: opted in, not paused, reachable.</summary>
    public async Task<IReadOnlyList<PersonRecord>> ActiveMembersAsync(TeamRecord team, DateTimeOffset now, CancellationToken ct) =>
        (await MembersAsync(team, ct).ConfigureAwait(false)).Where(p => RoutineSettings.IsActive(p, now)).ToArray();
}
