using RolePlay.Core.Routines;
using RolePlay.Core.Storage;

namespace RolePlay.Core.Tests.Routines.Team;

/// <summary>The pairing rules, on the pure algorithm: rounds are fed back as history exactly as the routine does.</summary>
public class BuddyPairingTests
{
    private static readonly TenantScope Tenant = new("teams", "t1");

    private static PairingCandidate Person(string id, bool newHire = false, params string[] excludes) =>
        new(new PersonKey(Tenant, id), newHire, excludes);

    private static PairingCandidate[] People(int count) => Enumerable.Range(0, count).Select(i => Person($"p{i:D5}")).ToArray();

    /// <summary>Runs <paramref name="rounds"/> rounds, each seeing the earlier ones (newest first) as history.</summary>
    private static List<(PairingRound Round, PairingPlan Plan)> RunRounds(IReadOnlyList<PairingCandidate> people, int rounds, int noRepeat = 4)
    {
        var done = new List<(PairingRound, PairingPlan)>();
        for (var n = 0; n < rounds; n++)
        {
            var history = done.Select(d => d.Item1).Reverse().ToArray();
            var plan = BuddyPairing.Pair(people, history, n, noRepeat);
            done.Add((new PairingRound(Tenant, "team", n, DateTimeOffset.UnixEpoch.AddDays(7 * n), plan.Pairs, plan.Unpaired), plan));
        }

        return done;
    }

    private static IEnumerable<string> PairKeys(PairRecord pair)
    {
        var m = pair.Members().Select(p => p.UserId).Order(StringComparer.Ordinal).ToArray();
        for (var a = 0; a < m.Length; a++)
        {
            for (var b = a + 1; b < m.Length; b++)
            {
                yield return $"{m[a]}+{m[b]}";
            }
        }
    }

    private static void AssertEveryoneOnce(PairingPlan plan, IReadOnlyList<PairingCandidate> people)
    {
        var placed = plan.Pairs.SelectMany(p => p.Members()).Concat(plan.Unpaired).Select(p => p.UserId).ToArray();
        Assert.Equal(people.Select(p => p.Person.UserId).Order(StringComparer.Ordinal), placed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_pair_repeats_within_the_last_N_rounds_while_another_choice_exists()
    {
        // Eight people can meet seven different partners, so four rounds without repeats are always possible.
        var people = People(8);
        var rounds = RunRounds(people, 12, noRepeat: 4);
        for (var n = 0; n < rounds.Count; n++)
        {
            var plan = rounds[n].Plan;
            AssertEveryoneOnce(plan, people);
            Assert.Equal(0, plan.ForcedRepeats);
            var recent = rounds.Skip(Math.Max(0, n - 4)).Take(Math.Min(n, 4)).SelectMany(r => r.Round.Pairs).SelectMany(PairKeys).ToHashSet();
            Assert.DoesNotContain(plan.Pairs.SelectMany(PairKeys), recent.Contains);
        }
    }

    [Fact]
    public void A_repeat_happens_only_when_forced_and_then_with_the_partner_met_longest_ago()
    {
        // Four people have three partners each: three rounds exhaust them, the fourth must repeat.
        var people = People(4);
        var rounds = RunRounds(people, 4, noRepeat: 4);
        Assert.All(rounds.Take(3), r => Assert.Equal(0, r.Plan.ForcedRepeats));
        Assert.Equal(6, rounds.Take(3).SelectMany(r => r.Round.Pairs).SelectMany(PairKeys).Distinct().Count());

        var fourth = rounds[3].Plan;
        Assert.True(fourth.ForcedRepeats > 0);
        Assert.Equal(rounds[0].Round.Pairs.SelectMany(PairKeys).Order(), fourth.Pairs.SelectMany(PairKeys).Order());
    }

    [Fact]
    public void An_odd_person_joins_a_trio_and_nobody_is_left_out()
    {
        var people = People(7);
        foreach (var (_, plan) in RunRounds(people, 6))
        {
            AssertEveryoneOnce(plan, people);
            Assert.Empty(plan.Unpaired);
            Assert.Single(plan.Pairs, p => p.Third is not null);
            Assert.Equal(3, plan.Pairs.Count);
        }
    }

    [Fact]
    public void An_exclusion_keeps_two_people_apart_whichever_side_asked()
    {
        // Only "a" asked; the pair stays apart in every round even though four people keep running out of partners.
        var people = new[] { Person("a", false, "b"), Person("b"), Person("c"), Person("d") };
        foreach (var (_, plan) in RunRounds(people, 10))
        {
            AssertEveryoneOnce(plan, people);
            Assert.DoesNotContain("a+b", plan.Pairs.SelectMany(PairKeys));
        }
    }

    [Fact]
    public void People_who_can_only_meet_someone_they_excluded_are_reported_unpaired_not_paired()
    {
        var plan = BuddyPairing.Pair([Person("a", false, "b"), Person("b")], [], 0);
        Assert.Empty(plan.Pairs);
        Assert.Equal(["a", "b"], plan.Unpaired.Select(p => p.UserId).Order());

        // A third person who excluded nobody makes a pair; the one left over cannot join a trio with their excluded person.
        var three = BuddyPairing.Pair([Person("a", false, "b"), Person("b"), Person("c")], [], 0);
        AssertEveryoneOnce(three, [Person("a"), Person("b"), Person("c")]);
        Assert.DoesNotContain(three.Pairs.SelectMany(PairKeys), k => k == "a+b");
        Assert.Single(three.Unpaired);
    }

    [Fact]
    public void New_hires_meet_seasoned_listeners_first_and_the_flow_reverses_in_the_next_round()
    {
        var people = new[]
        {
            Person("new1", newHire: true), Person("new2", newHire: true), Person("new3", newHire: true),
            Person("old1"), Person("old2"), Person("old3"),
        };
        var rounds = RunRounds(people, 3);
        for (var n = 0; n < rounds.Count; n++)
        {
            var pairs = rounds[n].Plan.Pairs;
            Assert.Equal(3, pairs.Count);
            Assert.All(pairs, p => Assert.NotEqual(p.First.UserId[..3], p.Second.UserId[..3])); // every pair crosses
            var listeners = pairs.Select(p => p.First.UserId[..3]).Distinct().Single();
            Assert.Equal(n % 2 == 0 ? "old" : "new", listeners); // even rounds: seasoned listen; odd: new hires do
            Assert.Equal(0, rounds[n].Plan.ForcedRepeats);
        }
    }

    [Fact]
    public void Extra_new_hires_pair_among_themselves_once_the_seasoned_are_taken()
    {
        var people = new[] { Person("new1", true), Person("new2", true), Person("new3", true), Person("old1") };
        var plan = BuddyPairing.Pair(people, [], 0);
        AssertEveryoneOnce(plan, people);
        Assert.Contains(plan.Pairs, p => p.First.UserId == "old1");
    }

    [Fact]
    public void The_same_round_number_gives_the_same_pairs()
    {
        var people = People(40);
        var history = RunRounds(people, 3).Select(r => r.Round).Reverse().ToArray();
        var once = BuddyPairing.Pair(people, history, 3);
        var again = BuddyPairing.Pair(people, history, 3);
        Assert.Equal(once.Pairs, again.Pairs);
        Assert.NotEqual(once.Pairs, BuddyPairing.Pair(people, history, 4).Pairs);
    }

    [Fact]
    public void Ten_thousand_people_with_twelve_rounds_of_history_are_all_paired_without_recent_repeats()
    {
        // Correctness at scale; the time it takes is measured by BuddyPairingBenchmarks, not asserted here.
        var people = People(10_000);
        var rounds = RunRounds(people, 13);
        var last = rounds[^1].Plan;
        AssertEveryoneOnce(last, people);
        Assert.Empty(last.Unpaired);
        Assert.Equal(0, last.ForcedRepeats);
        var recent = rounds.Skip(8).Take(4).SelectMany(r => r.Round.Pairs).SelectMany(PairKeys).ToHashSet();
        Assert.DoesNotContain(last.Pairs.SelectMany(PairKeys), recent.Contains);
    }
}
