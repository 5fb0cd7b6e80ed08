using RolePlay.Core.Storage;
using RolePlay.Storage.Rows;

namespace RolePlay.Storage.Repositories;

/// <summary>A team's voice clips in one partition, keyed by the clip id, which starts with the inverted creation time:
/// newest first, and the clips older than a day are one range from that day's key to the partition's end. The owner's
/// mention is written first and removed last, so "forget me" and the owner's own list always find the clip.</summary>
internal sealed class ClipStore(IRowStore rows) : IClipStore
{
    private static readonly string OwnPrefix = Mention.Prefix + Tables.Clips + RowKeys.Separator;

    public async Task AddAsync(ClipRecord clip, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clip.ClipId);
        if (clip.Owner.Tenant != clip.Tenant)
        {
            throw new ArgumentException($"Clip {clip.ClipId}: its owner is not in tenant {clip.Tenant}.", nameof(clip));
        }

        var mention = MentionOf(clip);
        await Mentions.RecordAsync(rows, clip.Owner, mention, ct).ConfigureAwait(false);
        await rows.SubmitAsync(Tables.Clips, mention.PartitionKey, [RowOp.Insert(mention.RowKey, StorageJson.Write(clip))], ct).ConfigureAwait(false);
    }

    public async Task<ClipRecord?> GetAsync(TenantScope tenant, string teamId, string clipId, CancellationToken ct) =>
        await rows.GetAsync(Tables.Clips, Partition(tenant, teamId), RowKeys.Part(clipId), ct).ConfigureAwait(false) is { } row
            ? StorageJson.Read<ClipRecord>(row)
            : null;

    public async Task<IReadOnlyList<ClipRecord>> ListAsync(TenantScope tenant, string teamId, int take, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        var found = await rows.RangeAsync(Tables.Clips, Partition(tenant, teamId), string.Empty, null, take, ct).ConfigureAwait(false);
        return found.Select(StorageJson.Read<ClipRecord>).ToArray();
    }

    public async Task<IReadOnlyList<ClipRecord>> ListOlderAsync(TenantScope tenant, string teamId, DateTimeOffset beforeUtc, int take,
        CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        var found = await rows.RangeAsync(Tables.Clips, Partition(tenant, teamId), RowKeys.InvertedTicks(beforeUtc), null, take, ct)
            .ConfigureAwait(false);
        return found.Select(StorageJson.Read<ClipRecord>).ToArray();
    }

    public async Task<IReadOnlyList<ClipRecord>> ListOwnAsync(PersonKey owner, CancellationToken ct)
    {
        var mentions = await rows.RangeAsync(Tables.People, RowKeys.Person(owner), OwnPrefix, RowKeys.PrefixEnd(OwnPrefix), null, ct)
            .ConfigureAwait(false);
        var own = new List<ClipRecord>(mentions.Count);
        foreach (var mention in mentions.Select(StorageJson.Read<Mention>))
        {
            if (await rows.GetAsync(Tables.Clips, mention.PartitionKey, mention.RowKey, ct).ConfigureAwait(false) is { } row)
            {
                own.Add(StorageJson.Read<ClipRecord>(row));
            }
        }

        return own.OrderBy(c => c.ClipId, StringComparer.Ordinal).ToArray();
    }

    public async Task RemoveAsync(ClipRecord clip, CancellationToken ct)
    {
        var mention = MentionOf(clip);
        if (await rows.GetAsync(Tables.Clips, mention.PartitionKey, mention.RowKey, ct).ConfigureAwait(false) is not null)
        {
            await rows.SubmitAsync(Tables.Clips, mention.PartitionKey, [RowOp.Delete(mention.RowKey)], ct).ConfigureAwait(false);
        }

        await rows.SubmitAsync(Tables.People, RowKeys.Person(clip.Owner), [RowOp.Delete(mention.Key)], ct).ConfigureAwait(false);
    }

    private static Mention MentionOf(ClipRecord clip) => new(Tables.Clips, Partition(clip.Tenant, clip.TeamId), RowKeys.Part(clip.ClipId));

    private static string Partition(TenantScope tenant, string teamId) => RowKeys.Join(RowKeys.Tenant(tenant), RowKeys.Part(teamId));
}
