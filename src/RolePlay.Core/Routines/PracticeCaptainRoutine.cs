using System.Runtime.CompilerServices;
using RolePlay.Core.Chat;
using RolePlay.Core.CueStrips;
using RolePlay.Core.Scheduling;
using RolePlay.Core.Storage;
using RolePlay.Core.Web;

namespace RolePlay.Core.Routines;

/// <summary>
/// A rotating practice captain each week, announced in the team's standup channel on Monday at the standup time (09:00
/// in the team's zone without one). The rotation is the members ordered by user id: the captain is the first active
/// member (opted in, not paused, reachable) after last captain, wrapping round. The choice is claimed with a
/// conditional write, so two hosts announce the same person. The post offers the captain the cue of the week and,
/// when the bot has a public address, links the team's strip sheet.
/// </summary>
public sealed class PracticeCaptainRoutine(ITeamStore teams, IPeopleStore people, ICaptainStore captains, CueOfTheWeek cueOfTheWeek,
    PublicSite site, TimeProvider time) : IRoutine
{
    public RoutineKind Kind => RoutineKind.PracticeCaptain;

    public async IAsyncEnumerable<PlannedMessage> PlanAsync(TenantScope tenant, DateTimeOffset minuteUtc, [EnumeratorCancellation] CancellationToken ct)
    {
        var minute = DueBucket.Minute(minuteUtc);
        foreach (var team in await teams.ListAsync(tenant, ct).ConfigureAwait(false))
        {
            if (TeamSchedule.CaptainDate(team, minute) is { } monday
                && await ChooseAsync(team, monday, minute, ct).ConfigureAwait(false) is { } captain)
            {
                yield return Plan(team, TeamSchedule.Occasion(monday), minute, captain);
            }
        }
    }

    /// <summary>Run now: announce this week's captain (choosing one if the week has none yet).</summary>
    public async IAsyncEnumerable<PlannedMessage> PlanNowAsync(TenantScope tenant, string teamId, DateTimeOffset nowUtc, [EnumeratorCancellation] CancellationToken ct)
    {
        if (await teams.GetAsync(tenant, teamId, ct).ConfigureAwait(false) is { StandupChannelId: not null } team)
        {
            var monday = WeekBucket.Monday(LocalClock.Today(nowUtc, LocalClock.Zone(team.TimeZone)));
            if (await ChooseAsync(team, monday, nowUtc, ct).ConfigureAwait(false) is { } captain)
            {
                yield return Plan(team, TeamSchedule.NowOccasion(nowUtc), nowUtc, captain);
            }
        }
    }

    /// <summary>This week's captain: stored already, or the next in the rotation, claimed.</summary>
    public async Task<CaptainRecord?> ChooseAsync(TeamRecord team, DateOnly monday, DateTimeOffset now, CancellationToken ct)
    {
        var active = await new TeamRoster(people, teams).ActiveMembersAsync(team, now, ct).ConfigureAwait(false);
        if (active.Count == 0)
        {
            return null;
        }

        var previous = await captains.GetPreviousAsync(team.Tenant, team.TeamId, monday, ct).ConfigureAwait(false);
        var next = previous is null
            ? active[0]
            : active.FirstOrDefault(p => string.CompareOrdinal(p.Key.UserId, previous.Captain.UserId) > 0) ?? active[0];
        return await captains.ClaimAsync(new CaptainRecord(team.Tenant, team.TeamId, monday, next.Key, time.GetUtcNow()), ct).ConfigureAwait(false);
    }

    private PlannedMessage Plan(TeamRecord team, string occasion, DateTimeOffset due, CaptainRecord captain) => new(
        RoutineKind.PracticeCaptain,
        new RoutineTarget.Channel(team.Tenant, team.StandupChannelId!),
        occasion,
        due,
        async token =>
        {
            var name = (await people.GetAsync(captain.Captain, token).ConfigureAwait(false))?.DisplayName ?? captain.Captain.UserId;
            var picked = await cueOfTheWeek.CurrentAsync(team, token).ConfigureAwait(false);
            var cues = new TeamRoutineCards.CaptainCues(team.TeamId, cueOfTheWeek.Choices(team.CueLanguage), picked?.Id,
                site.Link(CueSheetPath.Of(team.TeamId)));
            return [new CardOut(TeamRoutineCards.Captain(name, captain.WeekMonday, cues))];
        });
}
