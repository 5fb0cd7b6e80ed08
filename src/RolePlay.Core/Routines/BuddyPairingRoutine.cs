using System.Globalization;
using System.Runtime.CompilerServices;
using RolePlay.Core.Chat;
using RolePlay.Core.Scheduling;
using RolePlay.Core.Storage;

namespace RolePlay.Core.Routines;

/// <summary>
/// Buddy pairing at the team's cadence (weekly, fortnightly or off; day and time in the team's zone). The round is
/// decided once and stored: a planner first looks for a round already stored for this occasion (its
/// <see cref="PairingRound.CreatedUtc"/> is the occasion's minute), else pairs the team (<see cref="BuddyPairing"/>,
/// seeded by the round number) and stores it; when the store says another host stored that round first, their round
/// is read back and planned from. A minute planned again later (the runner replays minutes with open occasions)
/// finds its round among the recent ones. Every buddy gets a card naming the others.
/// </summary>
public sealed class BuddyPairingRoutine(ITeamStore teams, IPeopleStore people, IPairingStore pairing, PairingPolicy policy) : IRoutine
{
    public RoutineKind Kind => RoutineKind.BuddyPairing;

    public async IAsyncEnumerable<PlannedMessage> PlanAsync(TenantScope tenant, DateTimeOffset minuteUtc, [EnumeratorCancellation] CancellationToken ct)
    {
        var minute = DueBucket.Minute(minuteUtc);
        foreach (var team in await teams.ListAsync(tenant, ct).ConfigureAwait(false))
        {
            if (TeamSchedule.PairingDate(team, minute) is null)
            {
                continue;
            }

            await foreach (var message in PlanRoundAsync(team, minute, ct).ConfigureAwait(false))
            {
                yield return message;
            }
        }
    }

    public async IAsyncEnumerable<PlannedMessage> PlanNowAsync(TenantScope tenant, string teamId, DateTimeOffset nowUtc, [EnumeratorCancellation] CancellationToken ct)
    {
        if (await teams.GetAsync(tenant, teamId, ct).ConfigureAwait(false) is not { } team)
        {
            yield break;
        }

        await foreach (var message in PlanRoundAsync(team, DueBucket.Minute(nowUtc), ct).ConfigureAwait(false))
        {
            yield return message;
        }
    }

    /// <summary>The round for this occasion: stored by an earlier planning (this host or another), or paired now.</summary>
    public async Task<PairingRound?> EnsureRoundAsync(TeamRecord team, DateTimeOffset occasionUtc, CancellationToken ct)
    {
        var history = await pairing.ListRecentAsync(team.Tenant, team.TeamId, Math.Max(1, policy.NoRepeatRounds), ct).ConfigureAwait(false);
        if (history.FirstOrDefault(r => r.CreatedUtc == occasionUtc) is { } stored)
        {
            return stored;
        }

        if (history.Count > 0 && history[0].CreatedUtc > occasionUtc)
        {
            return null; // a later round exists (a manager's run-now): never pair again for an occasion behind it
        }

        var number = history.Count > 0 ? history[0].RoundNumber + 1 : 1;
        var active = await new TeamRoster(people, teams).ActiveMembersAsync(team, occasionUtc, ct).ConfigureAwait(false);
        if (active.Count < 2)
        {
            return null; // nobody to pair: no round, so the next one keeps its number
        }

        var candidates = active.Select(p => new PairingCandidate(p.Key, p.IsNewHire, p.PairExclusions ?? [])).ToArray();
        var plan = BuddyPairing.Pair(candidates, history, number, policy.NoRepeatRounds);
        var round = new PairingRound(team.Tenant, team.TeamId, number, occasionUtc, plan.Pairs, plan.Unpaired);
        try
        {
            await pairing.SaveRoundAsync(round, ct).ConfigureAwait(false);
            return round;
        }
        catch (ConcurrencyConflictException)
        {
            // Another host stored this round first: plan from theirs. Until its header is visible there is nothing to
            // plan here; the winner delivers it.
            var theirs = await pairing.ListRecentAsync(team.Tenant, team.TeamId, 1, ct).ConfigureAwait(false);
            return theirs.Count > 0 && theirs[0].RoundNumber == number ? theirs[0] : null;
        }
    }

    private async IAsyncEnumerable<PlannedMessage> PlanRoundAsync(TeamRecord team, DateTimeOffset occasionUtc, [EnumeratorCancellation] CancellationToken ct)
    {
        if (await EnsureRoundAsync(team, occasionUtc, ct).ConfigureAwait(false) is not { } round)
        {
            yield break;
        }

        var occasion = "round-" + round.RoundNumber.ToString(CultureInfo.InvariantCulture);
        var names = new Dictionary<PersonKey, string>();
        foreach (var key in round.Pairs.SelectMany(p => p.Members()))
        {
            names[key] = (await people.GetAsync(key, ct).ConfigureAwait(false))?.DisplayName ?? key.UserId;
        }

        foreach (var pair in round.Pairs)
        {
            var members = pair.Members();
            foreach (var member in members)
            {
                var others = members.Where(m => m != member).Select(m => names[m]).ToArray();
                var card = TeamRoutineCards.Buddy(round.RoundNumber, others, listens: member == pair.First, trio: members.Count > 2);
                yield return Plan(member, occasion, occasionUtc, card);
            }
        }

        foreach (var alone in round.Unpaired)
        {
            yield return Plan(alone, occasion, occasionUtc, TeamRoutineCards.NoBuddy(round.RoundNumber));
        }
    }

    private static PlannedMessage Plan(PersonKey to, string occasion, DateTimeOffset due, Cards.Card card) => new(
        RoutineKind.BuddyPairing,
        new RoutineTarget.Person(to),
        occasion,
        due,
        _ => Task.FromResult<IReadOnlyList<Outgoing>>([new CardOut(card)]));
}
