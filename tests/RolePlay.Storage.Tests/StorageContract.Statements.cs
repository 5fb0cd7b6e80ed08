using RolePlay.Core.Storage;
using RolePlay.Storage.Repositories;
using static RolePlay.Storage.Tests.TestData;

namespace RolePlay.Storage.Tests;

/// <summary>The outbox of xAPI statements: a tenant's queue read oldest first, queuing the same statement again is one
/// row, a parked statement leaves the queue with its reason, and forgetting anyone a statement names removes it.</summary>
public abstract partial class StorageContract
{
    private protected StatementOutboxStore Statements => new(Rows);

    private static QueuedStatement Statement(string id, DateTimeOffset at, params PersonKey[] people) =>
        new(people[0].Tenant, id, people, $$"""{"id":"{{id}}"}""", at);

    [SkippableFact]
    public async Task Statements_wait_oldest_first_per_tenant_and_queuing_one_again_is_the_same_row()
    {
        SkipIfUnavailable();
        var ana = Person("ana");
        var other = Person("bo", tenant: "fabrikam");
        await Statements.AddAsync([Statement("s-2", Now.AddMinutes(2), ana), Statement("s-1", Now.AddMinutes(1), ana), Statement("s-x", Now, other)], send: true, Ct);
        await Statements.AddAsync([Statement("s-1", Now.AddMinutes(1), ana)], send: true, Ct); // the turn retried

        var waiting = await Statements.ListWaitingAsync(ana.Tenant, 10, Ct);
        Assert.Equal(["s-1", "s-2"], waiting.Select(s => s.StatementId));
        Assert.Equal([ana], waiting[0].People);
        Assert.Equal("""{"id":"s-1"}""", waiting[0].Json);
        Assert.Equal(["s-1"], (await Statements.ListWaitingAsync(ana.Tenant, 1, Ct)).Select(s => s.StatementId));

        await Statements.RemoveAsync([waiting[0]], Ct);
        await Statements.RemoveAsync([waiting[0], waiting[1]], Ct); // one gone already: the other still goes
        Assert.Empty(await Statements.ListWaitingAsync(ana.Tenant, 10, Ct));
        await Statements.AddAsync([Statement("s-1", Now.AddMinutes(1), ana)], send: true, Ct); // added again once sent
        Assert.Empty(await Statements.ListWaitingAsync(ana.Tenant, 10, Ct));
        Assert.Equal(["s-x"], (await Statements.ListWaitingAsync(other.Tenant, 10, Ct)).Select(s => s.StatementId));
    }

    [SkippableFact]
    public async Task A_parked_statement_leaves_the_queue_with_the_LRSs_reason_until_it_is_queued_again()
    {
        SkipIfUnavailable();
        var ana = Person("ana");
        await Statements.AddAsync([Statement("s-1", Now, ana), Statement("s-2", Now.AddSeconds(1), ana)], send: true, Ct);
        var first = (await Statements.ListWaitingAsync(ana.Tenant, 10, Ct))[0];

        await Statements.ParkAsync(first, "400: verb.id is not an IRI", Ct);

        Assert.Equal(["s-2"], (await Statements.ListWaitingAsync(ana.Tenant, 10, Ct)).Select(s => s.StatementId));
        var parked = Assert.Single(await Statements.ListParkedAsync(ana.Tenant, Ct));
        Assert.Equal(("s-1", "400: verb.id is not an IRI"), (parked.StatementId, parked.Parked));

        Assert.Equal(1, await Statements.UnparkAsync(ana.Tenant, Ct)); // the cause fixed
        Assert.Empty(await Statements.ListParkedAsync(ana.Tenant, Ct));
        Assert.Equal(["s-1", "s-2"], (await Statements.ListWaitingAsync(ana.Tenant, 10, Ct)).Select(s => s.StatementId));
        Assert.Equal(0, await Statements.UnparkAsync(ana.Tenant, Ct));
    }

    [SkippableFact]
    public async Task Forgetting_anyone_a_statement_names_removes_it_waiting_or_parked()
    {
        SkipIfUnavailable();
        var ana = Person("ana");
        var buddy = Person("bo");
        var cy = Person("cy");
        await Statements.AddAsync([Statement("checkin", Now, ana, buddy), Statement("parked", Now.AddSeconds(1), buddy), Statement("cy", Now.AddSeconds(2), cy)], send: true, Ct);
        await Statements.ParkAsync((await Statements.ListWaitingAsync(ana.Tenant, 10, Ct))[1], "409: conflict", Ct);

        await PersonalData.ForgetAsync(buddy, Ct);

        Assert.Equal(["cy"], (await Statements.ListWaitingAsync(ana.Tenant, 10, Ct)).Select(s => s.StatementId));
        Assert.Empty(await Statements.ListParkedAsync(ana.Tenant, Ct));
        Assert.Equal(["cy"], await Statements.ListLoggedAsync(ana.Tenant, Day, Day, Ct).Select(s => s.StatementId).ToListAsync());
    }

    [SkippableFact]
    public async Task Every_statement_stays_in_the_days_log_sent_or_not_and_a_log_only_tenant_queues_none()
    {
        SkipIfUnavailable();
        var ana = Person("ana");
        await Statements.AddAsync([Statement("sent", Now, ana)], send: true, Ct);
        await Statements.AddAsync([Statement("log-only", Now.AddSeconds(1), ana), Statement("next-day", Now.AddDays(1), ana)], send: false, Ct);
        await Statements.RemoveAsync(await Statements.ListWaitingAsync(ana.Tenant, 10, Ct), Ct); // the LRS took "sent"

        Assert.Empty(await Statements.ListWaitingAsync(ana.Tenant, 10, Ct));
        Assert.Equal(["sent", "log-only"], await Statements.ListLoggedAsync(ana.Tenant, Day, Day, Ct).Select(s => s.StatementId).ToListAsync());
        Assert.Equal(["sent", "log-only", "next-day"],
            await Statements.ListLoggedAsync(ana.Tenant, Day.AddDays(-1), Day.AddDays(1), Ct).Select(s => s.StatementId).ToListAsync());
    }

    [SkippableFact]
    public async Task A_tenants_actor_map_is_replaced_whole_and_forgetting_a_person_forgets_their_line()
    {
        SkipIfUnavailable();
        var actors = new LmsActorStore(Rows);
        var (ana, bo, cy) = (Person("ana"), Person("bo"), Person("cy"));
        await actors.ReplaceAsync(ana.Tenant, [new LmsActor(ana, "mailto:ana@contoso.com", null, null), new LmsActor(bo, null, "https://lms.contoso.com", "bo")], Ct);
        await actors.ReplaceAsync(ana.Tenant, [new LmsActor(ana, "mailto:ana@contoso.com", null, null), new LmsActor(cy, null, "https://lms.contoso.com", "cy")], Ct);

        Assert.Equal(["ana", "cy"], (await actors.GetAsync([ana, bo, cy, Person("dee")], Ct)).Select(a => a.Person.UserId).Order());
        await PersonalData.ForgetAsync(ana, Ct);
        Assert.Equal(["cy"], (await actors.GetAsync([ana, cy], Ct)).Select(a => a.Person.UserId));
        await Assert.ThrowsAsync<ArgumentException>(() => actors.ReplaceAsync(ana.Tenant, [new LmsActor(Person("x", tenant: "fabrikam"), "mailto:x@f.com", null, null)], Ct));
    }

    private static DateOnly Day => DateOnly.FromDateTime(Now.UtcDateTime);
}
