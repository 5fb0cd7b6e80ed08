using RolePlay.Core.Storage;

namespace RolePlay.Core.Clips;

/// <summary>Who asks to hear clips, resolved from their sign-in (or the loopback caller in local mode), never from the
/// URL: the tenant and team come from who they are.</summary>
/// <param name="UserId">The person (null for local mode's manager view).</param>
/// <param name="TeamId">The team the person belongs to now.</param>
/// <param name="IsLocal">Local mode: the machine's own user, a manager of every team in the local tenant.</param>
public sealed record ClipListener(TenantScope Tenant, string? UserId, string? TeamId, bool IsManager, bool IsLocal)
{
    /// <summary>A clip is heard only within its tenant and team, and by its audience: a team clip by the team, a
    /// managers' clip by the team's managers; its owner always hears their own.</summary>
    public bool MayHear(ClipRecord clip) =>
        clip.Tenant == Tenant
        && (clip.Owner.UserId == UserId
            || IsLocal
            || (clip.TeamId == TeamId && (clip.Audience == ClipAudience.Team || IsManager)));

    /// <summary>Whether the team's clips may be listed at all (members and local mode).</summary>
    public bool MayListTeam(string teamId) => IsLocal || TeamId == teamId;
}
