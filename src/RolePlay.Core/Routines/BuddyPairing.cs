using RolePlay.Core.Storage;

namespace RolePlay.Core.Routines;

/// <summary>Someone who can be paired this round (already filtered: opted in, not paused, reachable, in the team).
/// <see cref="Excludes"/> are the user ids they asked never to be paired with.</summary>
public sealed record PairingCandidate(PersonKey Person, bool IsNewHire, IReadOnlyCollection<string> Excludes);

/// <summary>A round's buddies, the people no one could be paired with (everyone left excluded them or was excluded
/// by them; they are told, never dropped silently), and how many pairs repeat a recent one because nothing else was
/// possible.</summary>
public sealed record PairingPlan(IReadOnlyList<PairRecord> Pairs, IReadOnlyList<PersonKey> Unpaired, int ForcedRepeats);

/// <summary>
/// Pairs a team's buddies for one round. Pure and deterministic: the same people, history and round number give the
/// same pairs on every host.
/// <list type="bullet">
/// <item>New hires are paired with seasoned people first; whoever is left is paired among themselves.</item>
/// <item>The flow alternates by round: in even rounds the seasoned buddy is the listener (<see cref="PairRecord.First"/>,
/// who gives feedback) and the new hire leads the practice; in odd rounds the flow is reversed — the new hire listens
/// and gives feedback to the seasoned buddy, who leads.</item>
/// <item>A pair that met in the last <c>noRepeatRounds</c> rounds (trios count as three pairs) is formed only when no
/// other choice exists, after trying to swap partners with an already formed pair; then the pair that met longest ago
/// is chosen.</item>
/// <item>Exclusions are hard and symmetric: either side's "no-pair" keeps two people apart, even if that leaves
/// someone without a buddy.</item>
/// <item>An odd person joins a pair as its third member (the pair where they meet nobody recently, if any).</item>
/// </list>
/// Each person meets a handful of recent partners, so the greedy search stops after a few candidates: pairing is
/// linear in the team size.
/// </summary>
public static class BuddyPairing
{
    public const int DefaultNoRepeatRounds = 4;

    /// <param name="history">Earlier rounds, newest first (as <see cref="IPairingStore.ListRecentAsync"/> returns them).</param>
    public static PairingPlan Pair(IReadOnlyList<PairingCandidate> people, IReadOnlyList<PairingRound> history, int roundNumber,
        int noRepeatRounds = DefaultNoRepeatRounds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(noRepeatRounds);
        var state = new State(people, history, noRepeatRounds, Seed(roundNumber));
        return state.Run(flowReversed: roundNumber % 2 == 1);
    }

    private static ulong Seed(int roundNumber) => unchecked(0x9E3779B97F4A7C15UL * (ulong)(roundNumber + 1));

    private sealed class State
    {
        private readonly IReadOnlyList<PairingCandidate> _people;
        private readonly HashSet<long> _excluded = [];

        /// <summary>Pair key → how many rounds ago they last met (0 = the last round).</summary>
        private readonly Dictionary<long, int> _lastMet = [];
        private readonly int _noRepeatRounds;
        private ulong _random;
        private int _forcedRepeats;

        public State(IReadOnlyList<PairingCandidate> people, IReadOnlyList<PairingRound> history, int noRepeatRounds, ulong seed)
        {
            _people = people;
            _noRepeatRounds = noRepeatRounds;
            _random = seed;
            var index = new Dictionary<string, int>(people.Count, StringComparer.Ordinal);
            for (var i = 0; i < people.Count; i++)
            {
                index[people[i].Person.UserId] = i;
            }

            for (var i = 0; i < people.Count; i++)
            {
                foreach (var other in people[i].Excludes)
                {
                    if (index.TryGetValue(other, out var j) && j != i)
                    {
                        _excluded.Add(Key(i, j));
                    }
                }
            }

            for (var age = history.Count - 1; age >= 0; age--)
            {
                foreach (var pair in history[age].Pairs)
                {
                    var members = pair.Members();
                    for (var a = 0; a < members.Count; a++)
                    {
                        for (var b = a + 1; b < members.Count; b++)
                        {
                            if (index.TryGetValue(members[a].UserId, out var x) && index.TryGetValue(members[b].UserId, out var y) && x != y)
                            {
                                _lastMet[Key(x, y)] = age; // newer rounds overwrite older ones
                            }
                        }
                    }
                }
            }
        }

        public PairingPlan Run(bool flowReversed)
        {
            var newHires = new List<int>();
            var rest = new List<int>();
            for (var i = 0; i < _people.Count; i++)
            {
                (_people[i].IsNewHire ? newHires : rest).Add(i);
            }

            Shuffle(newHires);
            Shuffle(rest);
            var pairs = new List<int[]>(_people.Count / 2 + 1);

            // New hires meet seasoned people first; the flow decides who listens.
            int[] Cross(int seasoned, int hire) => flowReversed ? [hire, seasoned] : [seasoned, hire];
            var unmatchedHires = new List<int>();
            foreach (var hire in newHires)
            {
                var j = FindFresh(hire, rest);
                if (j >= 0)
                {
                    pairs.Add(Cross(TakeAt(rest, j), hire));
                }
                else if (!TrySwapCross(hire, rest, pairs, Cross))
                {
                    unmatchedHires.Add(hire);
                }
            }

            rest.AddRange(unmatchedHires);

            var alone = new List<int>();
            while (rest.Count > 0)
            {
                var a = TakeAt(rest, rest.Count - 1);
                if (rest.Count == 0)
                {
                    alone.Add(a);
                    break;
                }

                var j = FindFresh(a, rest);
                if (j >= 0)
                {
                    pairs.Add([a, TakeAt(rest, j)]);
                }
                else if (!TrySwap(a, rest, pairs))
                {
                    j = FindOldestAllowed(a, rest);
                    if (j >= 0)
                    {
                        _forcedRepeats++;
                        pairs.Add([a, TakeAt(rest, j)]);
                    }
                    else
                    {
                        alone.Add(a);
                    }
                }
            }

            var unpaired = new List<PersonKey>();
            var trios = new HashSet<int>();
            foreach (var person in alone)
            {
                var p = FindTrio(person, pairs, trios);
                if (p < 0)
                {
                    unpaired.Add(_people[person].Person);
                    continue;
                }

                pairs[p] = [pairs[p][0], pairs[p][1], person];
                trios.Add(p);
            }

            var records = pairs.Select(p => new PairRecord(_people[p[0]].Person, _people[p[1]].Person, p.Length > 2 ? _people[p[2]].Person : null)).ToArray();
            return new PairingPlan(records, unpaired, _forcedRepeats);
        }

        /// <summary>The first candidate (from the end, so taking it is cheap) neither excluded nor met recently.</summary>
        private int FindFresh(int a, List<int> pool)
        {
            for (var j = pool.Count - 1; j >= 0; j--)
            {
                if (IsFresh(a, pool[j]))
                {
                    return j;
                }
            }

            return -1;
        }

        /// <summary>Nobody fresh is left for <paramref name="a"/>: give a a partner of a formed pair and that pair's
        /// other member someone from the pool, when all three new pairs are fresh.</summary>
        private bool TrySwap(int a, List<int> pool, List<int[]> pairs)
        {
            for (var p = pairs.Count - 1; p >= 0; p--)
            {
                var (x, y) = (pairs[p][0], pairs[p][1]);
                foreach (var (keep, free) in (ReadOnlySpan<(int, int)>)[(x, y), (y, x)])
                {
                    if (!IsFresh(a, keep))
                    {
                        continue;
                    }

                    var j = FindFresh(free, pool);
                    if (j >= 0)
                    {
                        pairs[p] = [keep, a];
                        pairs.Add([free, TakeAt(pool, j)]);
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>No seasoned person is fresh for <paramref name="hire"/>: take the seasoned partner of a formed cross pair
        /// when its new hire can move to a seasoned person still in the pool, so the round stays new-hire-with-seasoned.</summary>
        private bool TrySwapCross(int hire, List<int> seasonedPool, List<int[]> pairs, Func<int, int, int[]> cross)
        {
            for (var p = pairs.Count - 1; p >= 0; p--)
            {
                var (seasoned, other) = _people[pairs[p][0]].IsNewHire ? (pairs[p][1], pairs[p][0]) : (pairs[p][0], pairs[p][1]);
                if (!IsFresh(hire, seasoned))
                {
                    continue;
                }

                var j = FindFresh(other, seasonedPool);
                if (j >= 0)
                {
                    pairs[p] = cross(seasoned, hire);
                    pairs.Add(cross(TakeAt(seasonedPool, j), other));
                    return true;
                }
            }

            return false;
        }

        /// <summary>A forced repeat: the allowed partner met longest ago.</summary>
        private int FindOldestAllowed(int a, List<int> pool)
        {
            var best = -1;
            var bestAge = -1;
            for (var j = pool.Count - 1; j >= 0; j--)
            {
                var key = Key(a, pool[j]);
                if (_excluded.Contains(key))
                {
                    continue;
                }

                var age = _lastMet.TryGetValue(key, out var met) ? met : int.MaxValue;
                if (age > bestAge)
                {
                    (best, bestAge) = (j, age);
                }
            }

            return best;
        }

        /// <summary>The pair the odd person joins: one where they meet both freshly, else one they may join at all.</summary>
        private int FindTrio(int person, List<int[]> pairs, HashSet<int> trios)
        {
            var fallback = -1;
            for (var p = pairs.Count - 1; p >= 0; p--)
            {
                if (trios.Contains(p) || _excluded.Contains(Key(person, pairs[p][0])) || _excluded.Contains(Key(person, pairs[p][1])))
                {
                    continue;
                }

                if (IsFresh(person, pairs[p][0]) && IsFresh(person, pairs[p][1]))
                {
                    return p;
                }

                fallback = fallback < 0 ? p : fallback;
            }

            if (fallback >= 0)
            {
                _forcedRepeats++;
            }

            return fallback;
        }

        private bool IsFresh(int a, int b)
        {
            var key = Key(a, b);
            return !_excluded.Contains(key) && !(_lastMet.TryGetValue(key, out var age) && age < _noRepeatRounds);
        }

        private static int TakeAt(List<int> list, int j)
        {
            var taken = list[j];
            list[j] = list[^1];
            list.RemoveAt(list.Count - 1);
            return taken;
        }

        private void Shuffle(List<int> list)
        {
            for (var i = list.Count - 1; i > 0; i--)
            {
                var j = (int)(Next() % (ulong)(i + 1));
                (list[i], list[j]) = (list[j], list[i]);
            }
        }

        /// <summary>SplitMix64: a tiny generator whose sequence is fixed by the seed on every runtime.</summary>
        private ulong Next()
        {
            var z = _random += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        private static long Key(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;
    }
}
