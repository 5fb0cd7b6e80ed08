using System.Text.Json;
using System.Text.Json.Nodes;
using RolePlay.Core.Storage;
using RolePlay.Storage.Rows;

namespace RolePlay.Storage.Repositories;

/// <summary>
/// Export and "forget me". Nearly everything about a person is in their own partition; rows elsewhere that name
/// them are listed there as mentions, and the derived index rows (due prompt, check-ins, ledger mirror) are found
/// from the rows that produced them. No table is scanned. A voice clip's audio (<see cref="IClipContent"/>) is deleted
/// with its row.
/// </summary>
internal sealed class PersonalDataStore(IRowStore rows, IClipContent clips) : IPersonalDataStore
{
    public async Task<string> ExportAsync(PersonKey person, CancellationToken ct)
    {
        var own = await OwnRowsAsync(person, ct).ConfigureAwait(false);
        var export = new JsonObject { ["person"] = JsonSerializer.SerializeToNode(person, StorageJson.Options) };
        foreach (var group in own.Where(r => !r.RowKey.StartsWith(Mention.Prefix, StringComparison.Ordinal)).GroupBy(r => Kind(r.RowKey)))
        {
            export[group.Key] = new JsonArray(group.Select(r => JsonNode.Parse(r.Body)).ToArray());
        }

        var elsewhere = new JsonArray();
        foreach (var mention in Mentions(own))
        {
            if (await rows.GetAsync(mention.Table, mention.PartitionKey, mention.RowKey, ct).ConfigureAwait(false) is { } row)
            {
                elsewhere.Add(new JsonObject { ["table"] = mention.Table, ["row"] = JsonNode.Parse(row.Body) });
            }
        }

        export["mentionedElsewhere"] = elsewhere;
        export["deliveries"] = new JsonArray((await LedgerRowsAsync(person, ct).ConfigureAwait(false)).Select(r => JsonNode.Parse(r.Body)).ToArray());
        var reference = await rows.GetAsync(Tables.ConversationRefs, RowKeys.Tenant(person.Tenant), RowKeys.Part(person.UserId), ct).ConfigureAwait(false);
        export["conversationReference"] = reference is null ? null : JsonNode.Parse(reference.Body);
        return export.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    public async Task<int> ForgetAsync(PersonKey person, CancellationToken ct)
    {
        var removed = 0;
        var own = await OwnRowsAsync(person, ct).ConfigureAwait(false);
        foreach (var mention in Mentions(own))
        {
            if (mention.Table == Tables.Clips && await rows.GetAsync(Tables.Clips, mention.PartitionKey, mention.RowKey, ct).ConfigureAwait(false) is { } clip)
            {
                // A voice clip's audio goes before its row, so a forget stopped between them still finds it when run again.
                await clips.DeleteAsync(StorageJson.Read<ClipRecord>(clip).Content, ct).ConfigureAwait(false);
            }

            removed += await DeleteOneAsync(mention.Table, mention.PartitionKey, mention.RowKey, ct).ConfigureAwait(false);
        }

        foreach (var row in own)
        {
            if (row.RowKey == PeopleStore.ProfileRow)
            {
                var profile = PeopleStore.ReadPerson(row);
                if (profile.NextPromptUtc is { } due)
                {
                    removed += await DeleteOneAsync(Tables.DuePrompts, PeopleStore.DuePartition(person.Tenant, due), RowKeys.Part(person.UserId), ct).ConfigureAwait(false);
                }

                if (profile.NextShiftEndUtc is { } shiftEnd)
                {
                    removed += await DeleteOneAsync(Tables.DueShiftEnds, PeopleStore.DuePartition(person.Tenant, shiftEnd), RowKeys.Part(person.UserId), ct).ConfigureAwait(false);
                }
            }
            else if (row.RowKey.StartsWith("commitment|", StringComparison.Ordinal))
            {
                var commitment = StorageJson.Read<CommitmentRecord>(row);
                removed += await DeleteOneAsync(Tables.CheckInDue, LearningStore.CheckInPartition(person.Tenant, commitment.CheckInDay), LearningStore.CheckInIndexRow(commitment), ct).ConfigureAwait(false);
            }
        }

        var ledger = await LedgerRowsAsync(person, ct).ConfigureAwait(false);
        foreach (var row in ledger)
        {
            var entry = StorageJson.Read<LedgerEntry>(row);
            removed += await DeleteOneAsync(Tables.LedgerDue, DeliveryLedger.DuePartition(entry.Tenant, entry.DueUtc), DeliveryLedger.DueRow(entry), ct).ConfigureAwait(false);
        }

        removed += await DeletePartitionRowsAsync(Tables.Ledger, DeliveryLedger.Partition(person.Tenant, person.UserId), ledger, ct).ConfigureAwait(false);
        removed += await DeleteOneAsync(Tables.ConversationRefs, RowKeys.Tenant(person.Tenant), RowKeys.Part(person.UserId), ct).ConfigureAwait(false);

        // The person's own partition goes last: until it is gone, a retried "forget" still finds every mention.
        removed += await DeletePartitionRowsAsync(Tables.People, RowKeys.Person(person), own, ct).ConfigureAwait(false);
        return removed;
    }

    private Task<IReadOnlyList<StoredRow>> OwnRowsAsync(PersonKey person, CancellationToken ct) =>
        rows.RangeAsync(Tables.People, RowKeys.Person(person), string.Empty, null, null, ct);

    private Task<IReadOnlyList<StoredRow>> LedgerRowsAsync(PersonKey person, CancellationToken ct) =>
        rows.RangeAsync(Tables.Ledger, DeliveryLedger.Partition(person.Tenant, person.UserId), string.Empty, null, null, ct);

    private static IEnumerable<Mention> Mentions(IEnumerable<StoredRow> own) =>
        own.Where(r => r.RowKey.StartsWith(Mention.Prefix, StringComparison.Ordinal)).Select(StorageJson.Read<Mention>);

    private static string Kind(string rowKey) => rowKey.Split(RowKeys.Separator)[0] switch
    {
        PeopleStore.ProfileRow => "profile",
        PeopleStore.LiveRow or "session" => "sessions",
        var kind => kind + "s",
    };

    private async Task<int> DeleteOneAsync(string table, string pk, string rk, CancellationToken ct)
    {
        if (await rows.GetAsync(table, pk, rk, ct).ConfigureAwait(false) is null)
        {
            return 0;
        }

        await rows.SubmitAsync(table, pk, [RowOp.Delete(rk)], ct).ConfigureAwait(false);
        return 1;
    }

    private async Task<int> DeletePartitionRowsAsync(string table, string pk, IReadOnlyList<StoredRow> found, CancellationToken ct)
    {
        var removed = 0;
        foreach (var chunk in found.Chunk(RowLimits.MaxBatch))
        {
            try
            {
                await rows.SubmitAsync(table, pk, chunk.Select(r => RowOp.Delete(r.RowKey)).ToArray(), ct).ConfigureAwait(false);
                removed += chunk.Length;
            }
            catch (ConcurrencyConflictException)
            {
                // Someone removed a row meanwhile (a batch fails on a missing row): fall back to one by one.
                foreach (var row in chunk)
                {
                    removed += await DeleteOneAsync(table, pk, row.RowKey, ct).ConfigureAwait(false);
                }
            }
        }

        return removed;
    }
}
