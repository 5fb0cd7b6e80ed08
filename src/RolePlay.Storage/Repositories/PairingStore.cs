using RolePlay.Core.Storage;
using RolePlay.Storage.Rows;

namespace RolePlay.Storage.Repositories;

/// <summary>
/// A team's rounds in one partition, newest first by an inverted round number: a "header|{inv}" row per round and
/// one "round|{inv}|pair|{i}" / "round|{inv}|unpaired|{i}" row per pair or leftover person, so forgetting a person
/// removes exactly their pairs. Readers only return rounds whose header exists; the header is written last.
/// </summary>
internal sealed class PairingStore(IRowStore rows) : IPairingStore
{
    public async Task SaveRoundAsync(PairingRound round, CancellationToken ct)
    {
        if (round.RoundNumber < 0)
        {
            throw new ArgumentException($"Round numbers start at 0, not {round.RoundNumber}.", nameof(round));
        }

        var everyone = round.Pairs.SelectMany(p => p.Members()).Concat(round.Unpaired).ToArray();
        if (everyone.FirstOrDefault(p => p.Tenant != round.Tenant) is { } stranger)
        {
            throw new ArgumentException($"Round {round.RoundNumber} of team {round.TeamId} names {stranger}, who is not in tenant {round.Tenant}.", nameof(round));
        }

        var pk = Partition(round.Tenant, round.TeamId);
        var inv = Inverted(round.RoundNumber);
        var members = new List<(string Row, string Body, PersonKey[] People)>();
        for (var i = 0; i < round.Pairs.Count; i++)
        {
            members.Add(($"round|{inv}|pair|{i:D4}", StorageJson.Write(round.Pairs[i]), [.. round.Pairs[i].Members()]));
        }

        for (var i = 0; i < round.Unpaired.Count; i++)
        {
            members.Add(($"round|{inv}|unpaired|{i:D4}", StorageJson.Write(round.Unpaired[i]), [round.Unpaired[i]]));
        }

        foreach (var (row, _, people) in members)
        {
            await Mentions.RecordAsync(rows, people, new Mention(Tables.Pairing, pk, row), ct).ConfigureAwait(false);
        }

        var ops = members.Select(m => RowOp.Insert(m.Row, m.Body))
            .Append(RowOp.Insert($"header|{inv}", StorageJson.Write(round with { Pairs = [], Unpaired = [] })))
            .ToList();
        foreach (var chunk in ops.Chunk(RowLimits.MaxBatch))
        {
            await rows.SubmitAsync(Tables.Pairing, pk, chunk, ct).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<PairingRound>> ListRecentAsync(TenantScope tenant, string teamId, int rounds, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rounds);
        var pk = Partition(tenant, teamId);
        var headers = await rows.RangeAsync(Tables.Pairing, pk, "header|", RowKeys.PrefixEnd("header|"), rounds, ct).ConfigureAwait(false);
        if (headers.Count == 0)
        {
            return [];
        }

        var newest = headers[0].RowKey["header|".Length..];
        var oldest = headers[^1].RowKey["header|".Length..];
        var members = await rows.RangeAsync(Tables.Pairing, pk, $"round|{newest}|", RowKeys.PrefixEnd($"round|{oldest}|"), null, ct).ConfigureAwait(false);
        return headers.Select(h =>
        {
            var prefix = $"round|{h.RowKey["header|".Length..]}|";
            var mine = members.Where(m => m.RowKey.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
            return StorageJson.Read<PairingRound>(h) with
            {
                Pairs = mine.Where(m => m.RowKey.StartsWith(prefix + "pair|", StringComparison.Ordinal)).Select(StorageJson.Read<PairRecord>).ToArray(),
                Unpaired = mine.Where(m => m.RowKey.StartsWith(prefix + "unpaired|", StringComparison.Ordinal)).Select(StorageJson.Read<PersonKey>).ToArray(),
            };
        }).ToArray();
    }

    private static string Partition(TenantScope tenant, string teamId) => RowKeys.Join(RowKeys.Tenant(tenant), RowKeys.Part(teamId));

    private static string Inverted(int round) => RowKeys.Number(int.MaxValue - round);
}
