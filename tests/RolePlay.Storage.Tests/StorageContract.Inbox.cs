using RolePlay.Core.Storage;
using RolePlay.Storage.Repositories;
using static RolePlay.Storage.Tests.TestData;

namespace RolePlay.Storage.Tests;

/// <summary>The durable inbox: one conditional insert per acknowledged event, leases that only one instance wins, and a
/// platform's whole inbox read back oldest first across its partitions.</summary>
public abstract partial class StorageContract
{
    private protected InboxStore Inbox => new(Rows);

    private static InboxEntry Accepted(string eventId, DateTimeOffset at, string owner = "host-a", string tenant = "contoso") =>
        new(InboundEventKey.For(new TenantScope("slack", tenant), eventId), $"{tenant}|U1", $$"""{"event_id":"{{eventId}}"}""", at, owner, at.AddSeconds(30));

    private static InboxEntry Leased(InboxEntry entry, string owner, DateTimeOffset until, int attempts) =>
        entry with { Owner = owner, LeaseUntilUtc = until, Attempts = attempts };

    [SkippableFact]
    public async Task An_event_enters_the_inbox_once_in_one_round_trip_and_leaves_when_completed()
    {
        SkipIfUnavailable();
        var entry = Accepted("Ev1", Now);
        var before = RoundTrips;
        var stored = await Inbox.TryAddAsync(entry, Ct);
        Assert.Equal(1, RoundTrips - before);
        Assert.NotNull(stored?.Version);
        Assert.Null(await Inbox.TryAddAsync(entry with { AcceptedUtc = Now.AddSeconds(1) }, Ct)); // Slack's retry

        var listed = Assert.Single(await Inbox.ListAsync(new("slack"), Ct));
        Assert.Equal(stored with { Version = listed.Version }, listed);
        Assert.Empty(await Inbox.ListAsync(new("teams"), Ct));

        await Inbox.CompleteAsync(entry.Key, Ct);
        await Inbox.CompleteAsync(entry.Key, Ct); // already gone: nothing
        Assert.Empty(await Inbox.ListAsync(new("slack"), Ct));
        Assert.NotNull(await Inbox.TryAddAsync(entry, Ct)); // a retry after completion enters again (the dedupe claim stops it)
    }

    [SkippableFact]
    public async Task Only_one_instance_wins_a_lease_and_a_stale_one_changes_nothing()
    {
        SkipIfUnavailable();
        var stored = (await Inbox.TryAddAsync(Accepted("Ev2", Now), Ct))!;
        var taken = await Inbox.TryUpdateAsync(Leased(stored, "host-b", Now.AddMinutes(1), stored.Attempts + 1), Ct);
        Assert.Equal(("host-b", 1), (taken!.Owner, taken.Attempts));
        Assert.Null(await Inbox.TryUpdateAsync(Leased(stored, "host-c", Now.AddMinutes(1), 1), Ct)); // read before host-b's write

        var renewed = await Inbox.TryUpdateAsync(Leased(taken, "host-b", Now.AddMinutes(2), taken.Attempts), Ct);
        var listed = Assert.Single(await Inbox.ListAsync(new("slack"), Ct));
        Assert.Equal(("host-b", Now.AddMinutes(2), 1, renewed!.Version), (listed.Owner, listed.LeaseUntilUtc, listed.Attempts, listed.Version));
        Assert.False(listed.IsFree(Now.AddMinutes(1)));
        Assert.True(listed.IsFree(Now.AddMinutes(2)));

        await Inbox.CompleteAsync(stored.Key, Ct);
        Assert.Null(await Inbox.TryUpdateAsync(Leased(renewed!, "host-b", Now.AddMinutes(3), 1), Ct));
    }

    [SkippableFact]
    public async Task An_answer_recorded_on_an_entry_is_read_back_with_it_and_kept_by_a_later_lease()
    {
        SkipIfUnavailable();
        var stored = (await Inbox.TryAddAsync(Accepted("Ev3", Now), Ct))!;
        var answered = await Inbox.TryUpdateAsync(stored with { Answer = """{"replies":[]}""" }, Ct);
        Assert.NotNull(answered);
        Assert.Null(await Inbox.TryUpdateAsync(Leased(stored, "host-b", Now.AddMinutes(1), 1), Ct)); // read before the answer

        var taken = await Inbox.TryUpdateAsync(Leased(Assert.Single(await Inbox.ListAsync(new("slack"), Ct)), "host-b", Now.AddMinutes(1), 1), Ct);
        var listed = Assert.Single(await Inbox.ListAsync(new("slack"), Ct));
        Assert.Equal(("""{"replies":[]}""", "host-b", taken!.Version), (listed.Answer, listed.Owner, listed.Version));
    }

    [SkippableFact]
    public async Task A_platforms_inbox_is_read_oldest_first_across_tenants_and_partitions()
    {
        SkipIfUnavailable();
        var ids = Enumerable.Range(0, 40).Select(i => $"Ev-order-{i}").ToList();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)).Reverse())
        {
            await Inbox.TryAddAsync(Accepted(id, Now.AddMilliseconds(i), tenant: i % 2 == 0 ? "contoso" : "fabrikam"), Ct);
        }

        var listed = await Inbox.ListAsync(new("slack"), Ct);
        Assert.Equal(ids.Select((id, i) => InboundEventKey.For(new TenantScope("slack", i % 2 == 0 ? "contoso" : "fabrikam"), id)), listed.Select(e => e.Key));
        Assert.True(listed.Select(e => e.Key.EventId[0]).Distinct().Count() > 1, "the entries spread over several partitions");
    }
}
