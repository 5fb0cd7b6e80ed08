using System.Runtime.CompilerServices;
using RolePlay.Core.Chat;
using RolePlay.Core.Scheduling;
using RolePlay.Core.Storage;

namespace RolePlay.Core.Routines;

/// <summary>The channel standup opener: at the team's standup time in its zone on its working days, a 60-second
/// reflection prompt in the standup channel. The prompt depends only on the local date, so two hosts plan the same
/// message and the ledger sends it once.</summary>
public sealed class StandupRoutine(ITeamStore teams) : IRoutine
{
    public RoutineKind Kind => RoutineKind.Standup;

    public async IAsyncEnumerable<PlannedMessage> PlanAsync(TenantScope tenant, DateTimeOffset minuteUtc, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var team in await teams.ListAsync(tenant, ct).ConfigureAwait(false))
        {
            if (TeamSchedule.StandupDate(team, minuteUtc) is { } date)
            {
                yield return Plan(team, TeamSchedule.Occasion(date), DueBucket.Minute(minuteUtc), date);
            }
        }
    }

    public async IAsyncEnumerable<PlannedMessage> PlanNowAsync(TenantScope tenant, string teamId, DateTimeOffset nowUtc, [EnumeratorCancellation] CancellationToken ct)
    {
        if (await teams.GetAsync(tenant, teamId, ct).ConfigureAwait(false) is { StandupChannelId: not null } team)
        {
            yield return Plan(team, TeamSchedule.NowOccasion(nowUtc), nowUtc, LocalClock.Today(nowUtc, LocalClock.Zone(team.TimeZone)));
        }
    }

    private static PlannedMessage Plan(TeamRecord team, string occasion, DateTimeOffset due, DateOnly localDate) => new(
        RoutineKind.Standup,
        new RoutineTarget.Channel(team.Tenant, team.StandupChannelId!),
        occasion,
        due,
        _ => Task.FromResult<IReadOnlyList<Outgoing>>([new CardOut(TeamRoutineCards.Standup(StandupPrompts.For(localDate)))]));
}
