using RolePlay.Core.Clips;
using RolePlay.Core.Storage;
using RolePlay.Storage.Repositories;
using static RolePlay.Storage.Tests.TestData;

namespace RolePlay.Storage.Tests;

/// <summary>Clip offers waiting for their sender's choice, in the sender's partition, the same on both stores.</summary>
public abstract partial class StorageContract
{
    private protected ClipOfferStore ClipOffers => new(Rows);

    private static ClipOffer NewOffer(PersonKey person, DateTimeOffset expires) =>
        new(person, Guid.NewGuid().ToString("N"), new ClipFile("https://files.slack.com/files-pri/T1-F1/download/clip.wav", "clip.wav", 1234), expires);

    [SkippableFact]
    public async Task A_clip_offer_is_taken_once_by_its_person_only_and_not_after_it_ran_out()
    {
        SkipIfUnavailable();
        var tenant = Tenant("offers-" + Guid.NewGuid().ToString("N"));
        var ana = new PersonKey(tenant, "ana");
        var now = new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);
        var offer = NewOffer(ana, now.AddHours(24));
        await ClipOffers.AddAsync(offer, now, Ct);

        Assert.Null(await ClipOffers.TakeAsync(new PersonKey(tenant, "ben"), offer.OfferId, now, Ct));
        Assert.Null(await ClipOffers.TakeAsync(new PersonKey(Tenant("offers-" + Guid.NewGuid().ToString("N")), "ana"), offer.OfferId, now, Ct));
        Assert.Equal(offer, await ClipOffers.TakeAsync(ana, offer.OfferId, now.AddHours(1), Ct));
        Assert.Null(await ClipOffers.TakeAsync(ana, offer.OfferId, now.AddHours(1), Ct)); // taken: answered once

        var late = NewOffer(ana, now.AddHours(24));
        await ClipOffers.AddAsync(late, now, Ct);
        Assert.Null(await ClipOffers.TakeAsync(ana, late.OfferId, now.AddHours(25), Ct));
    }

    [SkippableFact]
    public async Task Offers_that_ran_out_go_with_the_next_offer_and_all_go_with_forget_me()
    {
        SkipIfUnavailable();
        var ana = new PersonKey(Tenant("offers-" + Guid.NewGuid().ToString("N")), "ana");
        var now = new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);
        var stale = NewOffer(ana, now.AddHours(24));
        await ClipOffers.AddAsync(stale, now, Ct);
        await ClipOffers.AddAsync(NewOffer(ana, now.AddHours(48)), now.AddHours(25), Ct);

        // The stale row is gone from the store, not only refused as run out.
        Assert.Null(await ClipOffers.TakeAsync(ana, stale.OfferId, now, Ct));

        var waiting = NewOffer(ana, now.AddHours(48));
        await ClipOffers.AddAsync(waiting, now.AddHours(25), Ct);
        await PersonalData.ForgetAsync(ana, Ct);
        Assert.Null(await ClipOffers.TakeAsync(ana, waiting.OfferId, now.AddHours(26), Ct));
    }
}
