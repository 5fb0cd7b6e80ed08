using RolePlay.Core.Storage;
using RolePlay.Storage.Rows;

namespace RolePlay.Storage.Repositories;

/// <summary>One partition per tenant, a row per mapped person (keyed by their user id), so the people of one statement
/// are one read. Each row is mentioned in its person's partition first, so "forget me" removes it.</summary>
internal sealed class LmsActorStore(IRowStore rows) : ILmsActorStore
{
    public async Task ReplaceAsync(TenantScope tenant, IReadOnlyList<LmsActor> actors, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actors);
        if (actors.FirstOrDefault(a => a.Person.Tenant != tenant) is { } stray)
        {
            throw new ArgumentException($"{stray.Person} is not of tenant {tenant}.", nameof(actors));
        }

        var partition = RowKeys.Tenant(tenant);
        foreach (var actor in actors)
        {
            await Mentions.RecordAsync(rows, actor.Person, new Mention(Tables.LmsActors, partition, Row(actor.Person)), ct).ConfigureAwait(false);
        }

        var kept = actors.Select(a => Row(a.Person)).ToHashSet(StringComparer.Ordinal);
        var gone = (await rows.RangeAsync(Tables.LmsActors, partition, string.Empty, null, null, ct).ConfigureAwait(false))
            .Where(r => !kept.Contains(r.RowKey)).Select(r => RowOp.Delete(r.RowKey));
        var ops = actors.DistinctBy(a => a.Person).Select(a => RowOp.Upsert(Row(a.Person), StorageJson.Write(a))).Concat(gone);
        foreach (var batch in ops.Chunk(RowLimits.MaxBatch))
        {
            await rows.SubmitAsync(Tables.LmsActors, partition, batch, ct).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<LmsActor>> GetAsync(IReadOnlyList<PersonKey> people, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(people);
        var found = new List<LmsActor>();
        foreach (var tenant in people.Distinct().GroupBy(p => p.Tenant))
        {
            var stored = await rows.GetManyAsync(Tables.LmsActors, RowKeys.Tenant(tenant.Key), [.. tenant.Select(Row)], ct).ConfigureAwait(false);
            found.AddRange(stored.Select(StorageJson.Read<LmsActor>));
        }

        return found;
    }

    private static string Row(PersonKey person) => RowKeys.Part(person.UserId);
}
