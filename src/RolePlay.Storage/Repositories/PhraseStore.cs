using RolePlay.Core.Storage;
using RolePlay.Storage.Rows;

namespace RolePlay.Storage.Repositories;

/// <summary>A team's phrase library in one partition, newest first by inverted time.</summary>
internal sealed class PhraseStore(IRowStore rows) : IPhraseStore
{
    public async Task AddAsync(PhraseRecord phrase, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phrase.PhraseId);
        ArgumentException.ThrowIfNullOrWhiteSpace(phrase.Text);
        if (phrase.Author.Tenant != phrase.Tenant)
        {
            throw new ArgumentException($"Phrase {phrase.PhraseId}: its author is not in tenant {phrase.Tenant}.", nameof(phrase));
        }

        var pk = Partition(phrase.Tenant, phrase.TeamId);
        var row = RowKeys.Join(RowKeys.InvertedTicks(phrase.AtUtc), RowKeys.Part(phrase.PhraseId));
        await Mentions.RecordAsync(rows, phrase.Author, new Mention(Tables.Phrases, pk, row), ct).ConfigureAwait(false);
        await rows.SubmitAsync(Tables.Phrases, pk, [RowOp.Upsert(row, StorageJson.Write(phrase))], ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<PhraseRecord>> ListAsync(TenantScope tenant, string teamId, int take, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        var found = await rows.RangeAsync(Tables.Phrases, Partition(tenant, teamId), string.Empty, null, take, ct).ConfigureAwait(false);
        return found.Select(StorageJson.Read<PhraseRecord>).ToArray();
    }

    private static string Partition(TenantScope tenant, string teamId) => RowKeys.Join(RowKeys.Tenant(tenant), RowKeys.Part(teamId));
}
