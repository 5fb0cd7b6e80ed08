using RolePlay.Core.Clips;
using RolePlay.Core.Storage;
using RolePlay.Storage.Rows;

namespace RolePlay.Storage.Repositories;

/// <summary>Clip offers as rows <c>clipoffer|{id}</c> of their person's partition in People: "forget me" deletes that
/// partition whole, so it needs no mention of them. Offers that ran out go when the person's next offer is stored, read
/// by their prefix only.</summary>
internal sealed class ClipOfferStore(IRowStore rows) : IClipOfferStore
{
    private const string Prefix = "clipoffer|";

    public async Task AddAsync(ClipOffer offer, DateTimeOffset nowUtc, CancellationToken ct)
    {
        var partition = RowKeys.Person(offer.Person);
        var stale = (await rows.RangeAsync(Tables.People, partition, Prefix, RowKeys.PrefixEnd(Prefix), null, ct).ConfigureAwait(false))
            .Where(r => StorageJson.Read<ClipOffer>(r).ExpiresUtc <= nowUtc)
            .Select(r => RowOp.Delete(r.RowKey, r.Version));
        var insert = RowOp.Insert(Row(offer.OfferId), StorageJson.Write(offer));
        try
        {
            await rows.SubmitAsync(Tables.People, partition, [.. stale.Take(RowLimits.MaxBatch - 1), insert], ct).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            // A stale offer was taken meanwhile (which also removes it): the new one goes in alone.
            await rows.SubmitAsync(Tables.People, partition, [insert], ct).ConfigureAwait(false);
        }
    }

    public async Task<ClipOffer?> TakeAsync(PersonKey person, string offerId, DateTimeOffset nowUtc, CancellationToken ct)
    {
        var partition = RowKeys.Person(person);
        if (await rows.GetAsync(Tables.People, partition, Row(offerId), ct).ConfigureAwait(false) is not { } row)
        {
            return null;
        }

        try
        {
            // At the version read: of two answers at once, one takes it.
            await rows.SubmitAsync(Tables.People, partition, [RowOp.Delete(row.RowKey, row.Version)], ct).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }

        var offer = StorageJson.Read<ClipOffer>(row);
        return offer.Person == person && offer.ExpiresUtc > nowUtc ? offer : null;
    }

    private static string Row(string offerId) => Prefix + RowKeys.Part(offerId);
}
