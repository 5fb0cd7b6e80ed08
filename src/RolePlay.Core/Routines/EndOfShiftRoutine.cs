using System.Runtime.CompilerServices;
using RolePlay.Core.Chat;
using RolePlay.Core.Routing;
using RolePlay.Core.Scheduling;
using RolePlay.Core.Storage;

namespace RolePlay.Core.Routines;

/// <summary>At the end of each opted-in person's shift, a card in their personal chat: "log one phrase that unlocked a
/// customer" (answered through <see cref="RoutineAnswers"/> into the team's phrase library). Who is due comes from the
/// shift-end index (one partition per minute); each person is re-checked on load, since the index may hold a stale entry.</summary>
public sealed class EndOfShiftRoutine(IPeopleStore people, ITeamStore teams) : IRoutine
{
    public RoutineKind Kind => RoutineKind.EndOfShift;

    public async IAsyncEnumerable<PlannedMessage> PlanAsync(TenantScope tenant, DateTimeOffset minuteUtc, [EnumeratorCancellation] CancellationToken ct)
    {
        var minute = DueBucket.Minute(minuteUtc);
        foreach (var key in await people.ListShiftEndsDueAsync(tenant, minute, ct).ConfigureAwait(false))
        {
            var person = await people.GetAsync(key, ct).ConfigureAwait(false);
            if (person?.NextShiftEndUtc is not { } due || DueBucket.Minute(due) != minute)
            {
                continue; // a stale index entry: the person's settings moved on
            }

            if (!RoutineSettings.IsActive(person, minute) || person.TeamId is null)
            {
                // Nobody to write to (or no library to fill) today; keep the schedule rolling for when they are.
                await AdvanceAsync(key, minute, ct).ConfigureAwait(false);
                continue;
            }

            var localDate = LocalClock.Today(due, LocalClock.Zone(person.TimeZone));
            yield return Plan(key, TeamSchedule.Occasion(localDate), minute, (outcome, token) => AdvanceAsync(key, minute, token));
        }
    }

    /// <summary>Run now for a team: every active member who has set a shift end gets the card.</summary>
    public async IAsyncEnumerable<PlannedMessage> PlanNowAsync(TenantScope tenant, string teamId, DateTimeOffset nowUtc, [EnumeratorCancellation] CancellationToken ct)
    {
        if (await teams.GetAsync(tenant, teamId, ct).ConfigureAwait(false) is not { } team)
        {
            yield break;
        }

        foreach (var person in await new TeamRoster(people, teams).ActiveMembersAsync(team, nowUtc, ct).ConfigureAwait(false))
        {
            if (person.ShiftEnd is not null)
            {
                yield return Plan(person.Key, TeamSchedule.NowOccasion(nowUtc), nowUtc, null);
            }
        }
    }

    private static PlannedMessage Plan(PersonKey key, string occasion, DateTimeOffset due, Func<ProactiveOutcome, CancellationToken, Task>? afterSent) => new(
        RoutineKind.EndOfShift,
        new RoutineTarget.Person(key),
        occasion,
        due,
        _ => Task.FromResult<IReadOnlyList<Outgoing>>([new CardOut(TeamRoutineCards.EndOfShift())]),
        afterSent);

    /// <summary>Moves the person's shift-end index past <paramref name="minute"/>, unless someone already did (another
    /// host, or a settings change).</summary>
    private async Task AdvanceAsync(PersonKey key, DateTimeOffset minute, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var person = await people.GetAsync(key, ct).ConfigureAwait(false);
            if (person?.NextShiftEndUtc is not { } due || DueBucket.Minute(due) != minute)
            {
                return;
            }

            try
            {
                await people.SaveAsync(person with { NextShiftEndUtc = ShiftSchedule.Next(person, due) }, ct).ConfigureAwait(false);
                return;
            }
            catch (ConcurrencyConflictException)
            {
                // The person changed meanwhile: read again and decide again.
            }
        }
    }
}
