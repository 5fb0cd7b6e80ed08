using RolePlay.Core.Storage;
using RolePlay.Storage.Rows;

namespace RolePlay.Storage.Repositories;

internal static class Mentions
{
    /// <summary>Records that <paramref name="target"/> names <paramref name="person"/>: call before writing the target.</summary>
    public static async Task RecordAsync(IRowStore rows, PersonKey person, Mention target, CancellationToken ct) =>
        await rows.SubmitAsync(Tables.People, RowKeys.Person(person), [RowOp.Upsert(target.Key, StorageJson.Write(target))], ct).ConfigureAwait(false);

    public static async Task RecordAsync(IRowStore rows, IEnumerable<PersonKey> people, Mention target, CancellationToken ct)
    {
        foreach (var person in people.Distinct())
        {
            await RecordAsync(rows, person, target, ct).ConfigureAwait(false);
        }
    }
}
