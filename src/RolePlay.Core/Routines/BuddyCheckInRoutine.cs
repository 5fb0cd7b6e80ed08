using System.Runtime.CompilerServices;
using RolePlay.Core.Chat;
using RolePlay.Core.Routing;
using RolePlay.Core.Scheduling;
using RolePlay.Core.Settings;
using RolePlay.Core.Storage;

namespace RolePlay.Core.Routines;

/// <summary>
/// Seven days after a debrief commitment (<see cref="CommitmentRecord.CheckInDay"/>, the learner's local date), at the
/// learner's prompt time in their zone, the learner and their current buddy (their pair in the team's latest round)
/// are asked how the committed behaviour went. The check-in index is by day, and a UTC minute is a local time on one
/// of three UTC dates (zones run from UTC−12 to UTC+14), so a minute reads those three day partitions; answers come
/// back through <see cref="RoutineAnswers"/>.
/// </summary>
public sealed class BuddyCheckInRoutine(ILearningStore learning, IPeopleStore people, ITeamStore teams, IPairingStore pairing) : IRoutine
{
    public RoutineKind Kind => RoutineKind.BuddyCheckIn;

    public async IAsyncEnumerable<PlannedMessage> PlanAsync(TenantScope tenant, DateTimeOffset minuteUtc, [EnumeratorCancellation] CancellationToken ct)
    {
        var minute = DueBucket.Minute(minuteUtc);
        var utcDay = DueBucket.Day(minute);
        foreach (var day in (DateOnly[])[utcDay.AddDays(-1), utcDay, utcDay.AddDays(1)])
        {
            foreach (var commitment in await learning.ListDueForCheckInAsync(tenant, day, ct).ConfigureAwait(false))
            {
                var learner = await people.GetAsync(commitment.Person, ct).ConfigureAwait(false);
                if (learner is null || !RoutineSettings.IsActive(learner, minute) || DueMinute(learner, commitment) != minute)
                {
                    continue;
                }

                await foreach (var message in PlanCheckInAsync(learner, commitment, commitment.CommitmentId, minute, ct).ConfigureAwait(false))
                {
                    yield return message;
                }
            }
        }
    }

    /// <summary>Run now for a team: the open commitments of its active members due today (their local date).</summary>
    public async IAsyncEnumerable<PlannedMessage> PlanNowAsync(TenantScope tenant, string teamId, DateTimeOffset nowUtc, [EnumeratorCancellation] CancellationToken ct)
    {
        if (await teams.GetAsync(tenant, teamId, ct).ConfigureAwait(false) is not { } team)
        {
            yield break;
        }

        var active = await new TeamRoster(people, teams).ActiveMembersAsync(team, nowUtc, ct).ConfigureAwait(false);
        var byKey = active.ToDictionary(p => p.Key);
        var days = active.Select(p => PersonSettings.LocalToday(p, nowUtc)).Distinct();
        foreach (var day in days)
        {
            foreach (var commitment in await learning.ListDueForCheckInAsync(tenant, day, ct).ConfigureAwait(false))
            {
                if (byKey.TryGetValue(commitment.Person, out var learner) && PersonSettings.LocalToday(learner, nowUtc) == day)
                {
                    await foreach (var message in PlanCheckInAsync(learner, commitment, TeamSchedule.NowOccasion(nowUtc) + "-" + commitment.CommitmentId, nowUtc, ct).ConfigureAwait(false))
                    {
                        yield return message;
                    }
                }
            }
        }
    }

    /// <summary>The learner's prompt time (default 09:30) on the check-in day, in their zone.</summary>
    public static DateTimeOffset DueMinute(PersonRecord learner, CommitmentRecord commitment) =>
        DueBucket.Minute(LocalClock.ToInstant(commitment.CheckInDay, learner.DailyPromptTime ?? PromptSchedule.DefaultTime, LocalClock.Zone(learner.TimeZone)));

    /// <summary>The learner's buddies in their team's latest round (none without a team or a round).</summary>
    public Task<IReadOnlyList<PersonKey>> BuddiesOfAsync(PersonRecord learner, CancellationToken ct) =>
        CurrentBuddies.OfAsync(pairing, learner, ct);

    private async IAsyncEnumerable<PlannedMessage> PlanCheckInAsync(PersonRecord learner, CommitmentRecord commitment, string occasion,
        DateTimeOffset due, [EnumeratorCancellation] CancellationToken ct)
    {
        yield return Plan(learner.Key, occasion, due, TeamRoutineCards.CheckIn(commitment, learnerName: null));
        foreach (var buddyKey in await BuddiesOfAsync(learner, ct).ConfigureAwait(false))
        {
            if (await people.GetAsync(buddyKey, ct).ConfigureAwait(false) is { } buddy && RoutineSettings.IsActive(buddy, due))
            {
                yield return Plan(buddyKey, occasion, due, TeamRoutineCards.CheckIn(commitment, learner.DisplayName));
            }
        }
    }

    private static PlannedMessage Plan(PersonKey to, string occasion, DateTimeOffset due, Cards.Card card) => new(
        RoutineKind.BuddyCheckIn,
        new RoutineTarget.Person(to),
        occasion,
        due,
        _ => Task.FromResult<IReadOnlyList<Outgoing>>([new CardOut(card)]));
}
