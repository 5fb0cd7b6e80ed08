using RolePlay.Core.Storage;

namespace RolePlay.Core.Clips;

/// <summary>A sent file waiting for its sender's choice. It holds the file's reference, not its bytes: nothing of the
/// voice is stored before the person consents (and a stored row could not hold 3 MiB anyway). The cost is that a Teams
/// download URL lives only minutes, so a late choice there asks for the file again.</summary>
public sealed record ClipOffer(PersonKey Person, string OfferId, ClipFile File, DateTimeOffset ExpiresUtc);

/// <summary>Offers in their person's partition, so "forget me" removes them with the rest, and no one else's key can
/// reach them.</summary>
public interface IClipOfferStore
{
    /// <summary>Stores the offer and drops the person's offers that have run out.</summary>
    Task AddAsync(ClipOffer offer, DateTimeOffset nowUtc, CancellationToken ct);

    /// <summary>Removes and returns the person's offer, so it is answered once; null when there is none for them, it has
    /// run out, or another answer took it first.</summary>
    Task<ClipOffer?> TakeAsync(PersonKey person, string offerId, DateTimeOffset nowUtc, CancellationToken ct);
}
