using BenchmarkDotNet.Attributes;
using RolePlay.Core.Routines;
using RolePlay.Core.Storage;

namespace RolePlay.Benchmarks.Routines;

/// <summary>Pairing 10,000 people (one in ten a new hire, one in fifty excluding someone) with 12 stored rounds of
/// history; the target is under one second. The baseline shuffles the same people and pairs neighbours — no history,
/// no exclusions, no new-hire rule — so the ratio is what the rules cost over the least any pairing must do.</summary>
[MemoryDiagnoser]
public class BuddyPairingBenchmarks
{
    private const int RoundNumber = 12;
    private PairingCandidate[] _people = [];
    private PairingRound[] _history = [];

    [Params(10_000)]
    public int People { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var tenant = new TenantScope("teams", "bench");
        _people = Enumerable.Range(0, People)
            .Select(i => new PairingCandidate(new PersonKey(tenant, $"u{i:D6}"), IsNewHire: i % 10 == 0,
                Excludes: i % 50 == 0 ? [$"u{(i + 7) % People:D6}"] : []))
            .ToArray();

        // Twelve earlier rounds, produced by the algorithm itself as the routine would have stored them.
        var rounds = new List<PairingRound>();
        for (var n = 0; n < RoundNumber; n++)
        {
            var history = Enumerable.Reverse(rounds).ToArray();
            var plan = BuddyPairing.Pair(_people, history, n);
            rounds.Add(new PairingRound(tenant, "team", n, DateTimeOffset.UnixEpoch.AddDays(7 * n), plan.Pairs, plan.Unpaired));
        }

        _history = Enumerable.Reverse(rounds).ToArray();
    }

    [Benchmark(Baseline = true)]
    public int ShuffleAndPair()
    {
        var order = _people.Select(p => p.Person).ToArray();
        new Random(RoundNumber).Shuffle(order);
        var pairs = new List<PairRecord>(order.Length / 2);
        for (var i = 0; i + 1 < order.Length; i += 2)
        {
            pairs.Add(new PairRecord(order[i], order[i + 1]));
        }

        return pairs.Count;
    }

    [Benchmark]
    public int BuddyPairingWithHistory() => BuddyPairing.Pair(_people, _history, RoundNumber).Pairs.Count;
}
