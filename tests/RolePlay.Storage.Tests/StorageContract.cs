using RolePlay.Core.Practice;
using RolePlay.Core.Storage;
using RolePlay.Storage.Repositories;
using RolePlay.Storage.Rows;
using static RolePlay.Storage.Tests.TestData;

namespace RolePlay.Storage.Tests;

/// <summary>
/// The one contract both stores must honour. Each store runs every test here (see SqliteContractTests and
/// AzureTablesContractTests); a behaviour that differs between them is a bug in one of them.
/// </summary>
public abstract partial class StorageContract : IAsyncLifetime
{
    private IRowStore? _rows;

    private protected IRowStore Rows => _rows ?? throw new InvalidOperationException("Store not created (skipped?).");

    private protected PeopleStore People => new(Rows);

    private protected SessionStore Sessions => new(Rows);

    private protected TeamStore Teams => new(Rows);

    private protected LearningStore Learning => new(Rows);

    private protected PairingStore Pairing => new(Rows);

    private protected RecognitionStore Recognitions => new(Rows);

    private protected PhraseStore Phrases => new(Rows);

    private protected DeliveryLedger Ledger => new(Rows);

    private protected InboundDedupe Dedupe => new(Rows);

    private protected DeliveryAddressStore Addresses => new(Rows);

    private protected ChannelInstallStore Installs => new(Rows);

    private protected PersonAliasStore Aliases => new(Rows);

    private protected PersonalDataStore PersonalData => new(Rows, ClipContent);

    private protected SignInSessionStore SignIns => new(Rows);

    protected static CancellationToken Ct => CancellationToken.None;

    /// <summary>Why this store cannot run here (e.g. Azurite not installed locally), or null.</summary>
    protected abstract string? SkipReason { get; }

    /// <summary>Round trips made to the store so far.</summary>
    protected abstract long RoundTrips { get; }

    public async Task InitializeAsync()
    {
        if (SkipReason is null)
        {
            _rows = CreateRowStore();
            await new StorageInitializer(_rows).InitializeAsync(Ct);
        }
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private protected abstract IRowStore CreateRowStore();

    /// <summary>A second store instance over the same data (the same file or the same tables).</summary>
    private protected abstract IRowStore CreateSecondRowStore();

    protected void SkipIfUnavailable() => Skip.If(SkipReason is not null, SkipReason);

    [SkippableFact]
    public async Task Person_round_trips_and_a_stale_version_conflicts()
    {
        SkipIfUnavailable();
        var key = Person("ana");
        var saved = await People.SaveAsync(NewPerson(key), Ct);
        Assert.NotNull(saved.Version);

        var loaded = await People.GetAsync(key, Ct);
        Assert.Equal(saved with { Version = null }, loaded! with { Version = null, WorkingDays = saved.WorkingDays });
        Assert.Equal(saved.WorkingDays, loaded.WorkingDays);
        Assert.Equal(saved.Version, loaded.Version);

        var renamed = await People.SaveAsync(loaded with { DisplayName = "Ana B." }, Ct);
        Assert.NotEqual(loaded.Version, renamed.Version);

        // The first reader's copy is now stale: its write must surface, not overwrite.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => People.SaveAsync(loaded with { DisplayName = "Lost update" }, Ct));
        Assert.Equal("Ana B.", (await People.GetAsync(key, Ct))!.DisplayName);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => People.SaveAsync(NewPerson(key), Ct));
    }

    [SkippableFact]
    public async Task Many_rows_of_a_partition_are_read_by_key_in_key_order_however_many_are_asked_for()
    {
        SkipIfUnavailable();
        var keys = Enumerable.Range(0, 40).Select(i => $"row-{i:D2}").ToList();
        await Rows.SubmitAsync(Tables.Statements, "many", [.. keys.Select(k => RowOp.Upsert(k, $$"""{"k":"{{k}}"}"""))], Ct);

        var found = await Rows.GetManyAsync(Tables.Statements, "many", [.. Enumerable.Reverse(keys), "missing", keys[3]], Ct);

        Assert.Equal(keys, found.Select(r => r.RowKey)); // past Azure's 15 comparisons a filter, each once, in order
        Assert.Empty(await Rows.GetManyAsync(Tables.Statements, "many", [], Ct));
    }

    [SkippableFact]
    public async Task Bad_person_settings_get_a_clear_error()
    {
        SkipIfUnavailable();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => People.SaveAsync(NewPerson(Person("x")) with { TimeZone = "Mars/Olympus" }, Ct));
        Assert.Contains("Mars/Olympus", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => People.SaveAsync(NewPerson(Person("x")) with { Intensity = 7 }, Ct));
        Assert.Throws<ArgumentException>(() => Person(" "));
    }

    [SkippableFact]
    public async Task Nothing_is_readable_across_tenants()
    {
        SkipIfUnavailable();
        var due = Now.AddMinutes(5);
        var inContoso = Person("same-user", "contoso");
        var inFabrikam = Person("same-user", "fabrikam");
        await People.SaveAsync(NewPerson(inContoso, due), Ct);
        await Sessions.SaveAsync(NewSession(inContoso) with { TurnCount = 1 }, [Turn(0, "customer", "Where is my parcel?")], Ct);
        await Teams.SaveAsync(NewTeam(inContoso.Tenant), Ct);
        await Teams.AddMemberAsync(inContoso.Tenant, "support", new TeamMember(inContoso, Now), Ct);
        await Addresses.SaveAsync(new DeliveryAddress(inContoso.Tenant, "same-user", "a:1", "https://smba.example/emea/", "bot", Now), Ct);
        await Learning.SaveCommitmentAsync(NewCommitment(inContoso, DateOnly.FromDateTime(Now.UtcDateTime)), Ct);

        Assert.Null(await People.GetAsync(inFabrikam, Ct));
        Assert.Equal(new PersonWithLiveSession(null, null), await People.GetWithLiveSessionAsync(inFabrikam, Ct));
        Assert.Null(await Sessions.GetAsync(inFabrikam, "s1", Ct));
        Assert.Empty(await People.ListDueAsync(inFabrikam.Tenant, due, Ct));
        Assert.Single(await People.ListDueAsync(inContoso.Tenant, due, Ct));
        Assert.Null(await Teams.GetAsync(inFabrikam.Tenant, "support", Ct));
        Assert.Empty(await Teams.ListMembersAsync(inFabrikam.Tenant, "support", Ct));
        Assert.Null(await Addresses.GetAsync(inFabrikam.Tenant, "same-user", Ct));
        Assert.Empty(await Learning.ListDueForCheckInAsync(inFabrikam.Tenant, DateOnly.FromDateTime(Now.UtcDateTime), Ct));
        Assert.Equal("""{}""", Strip(await PersonalData.ExportAsync(inFabrikam, Ct)));

        // A person can never be attached to another tenant's team.
        await Assert.ThrowsAsync<ArgumentException>(() => Teams.AddMemberAsync(inFabrikam.Tenant, "support", new TeamMember(inContoso, Now), Ct));

        // One claim per tenant: the same recipient id and occasion in two tenants are two deliveries.
        Assert.True(await Ledger.TryClaimAsync(NewLedgerEntry(inContoso.Tenant, "same-user"), Ct));
        Assert.True(await Ledger.TryClaimAsync(NewLedgerEntry(inFabrikam.Tenant, "same-user"), Ct));
        Assert.True(await Dedupe.TryClaimAsync(new InboundEventKey(inContoso.Tenant, "evt-1"), Now, TimeSpan.FromHours(1), Ct));
        Assert.True(await Dedupe.TryClaimAsync(new InboundEventKey(inFabrikam.Tenant, "evt-1"), Now, TimeSpan.FromHours(1), Ct));

        // Keys with separator-like characters cannot forge another tenant's key.
        var tricky = new PersonKey("teams", "contoso|same-user", "x");
        Assert.Null(await People.GetAsync(tricky, Ct));
    }

    [SkippableFact]
    public async Task Due_index_follows_the_next_prompt_time()
    {
        SkipIfUnavailable();
        var key = Person("due-dana");
        var nine = new DateTimeOffset(2026, 11, 26, 8, 0, 30, TimeSpan.Zero);
        var saved = await People.SaveAsync(NewPerson(key, nine), Ct);
        Assert.Equal([key], await People.ListDueAsync(key.Tenant, nine.AddSeconds(20), Ct));

        var ten = nine.AddHours(1);
        await People.SaveAsync(saved with { NextPromptUtc = ten }, Ct);
        Assert.Empty(await People.ListDueAsync(key.Tenant, nine, Ct));
        Assert.Equal([key], await People.ListDueAsync(key.Tenant, ten, Ct));
        Assert.Contains(key.Tenant, await People.ListTenantsAsync(Ct));
    }

    [SkippableFact]
    public async Task Hot_path_loads_person_with_live_session_and_appends_turns_atomically()
    {
        SkipIfUnavailable();
        var key = Person("hot");
        await People.SaveAsync(NewPerson(key), Ct);
        var header = await Sessions.SaveAsync(NewSession(key) with { TurnCount = 1 }, [Turn(0, "customer", "My order is late again.")], Ct);

        var snapshot = await People.GetWithLiveSessionAsync(key, Ct);
        Assert.Equal("Dana hot", snapshot.Person!.DisplayName);
        Assert.Equal("""{"mood":3}""", snapshot.LiveSession!.StateJson);
        Assert.Equal(header.Version, snapshot.LiveSession.Version);

        var next = await Sessions.SaveAsync(
            snapshot.LiveSession with { StateJson = """{"mood":2}""", TurnCount = 3 },
            [Turn(1, "agent", "That sounds really frustrating.", "empathy"), Turn(2, "customer", "It is!")],
            Ct);

        // A writer holding the old header must fail and add none of its turns.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Sessions.SaveAsync(
            snapshot.LiveSession with { TurnCount = 2 }, [Turn(1, "agent", "Stale turn")], Ct));

        var turns = await Sessions.GetTurnsAsync(key, "s1", Ct);
        Assert.Equal(["My order is late again.", "That sounds really frustrating.", "It is!"], turns.Select(t => t.Text));
        Assert.Equal(["empathy"], turns[1].Labels);
        Assert.Equal("""{"mood":2}""", (await Sessions.GetAsync(key, "s1", Ct))!.StateJson);

        // One live session per person.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Sessions.SaveAsync(NewSession(key, "s2"), [], Ct));

        // Ending frees the slot and files the session under its id.
        var ended = await Sessions.SaveAsync(next with { EndedUtc = Now.AddMinutes(4), Outcome = "agreed-next-step", TurnCount = 4 }, [Turn(3, "coach", "Nice summary.")], Ct);
        Assert.Null((await People.GetWithLiveSessionAsync(key, Ct)).LiveSession);
        Assert.Equal("agreed-next-step", (await Sessions.GetAsync(key, "s1", Ct))!.Outcome);
        Assert.Equal(4, (await Sessions.GetTurnsAsync(key, "s1", Ct)).Count);
        Assert.Equal(["s1"], (await Sessions.ListEndedAsync(key, 10, Ct)).Select(s => s.SessionId));
        await Sessions.SaveAsync(NewSession(key, "s2"), [], Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Sessions.SaveAsync(next with { EndedUtc = Now }, [], Ct));
        Assert.NotNull(await Sessions.SaveAsync(ended with { Outcome = "revised" }, [], Ct));
    }

    [SkippableFact]
    public async Task Turns_must_continue_the_numbering()
    {
        SkipIfUnavailable();
        var key = Person("numbering");
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Sessions.SaveAsync(NewSession(key) with { TurnCount = 2 }, [Turn(0, "customer", "a"), Turn(5, "agent", "b")], Ct));
        Assert.Contains("numbered 0..1", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => Sessions.SaveAsync(NewSession(key) with { TurnCount = 1 }, [Turn(0, "narrator", "a")], Ct));
        var label = await Assert.ThrowsAsync<ArgumentException>(() => Sessions.SaveAsync(NewSession(key) with { TurnCount = 1 }, [Turn(0, "agent", "a", "Empathy")], Ct));
        Assert.Contains("'Empathy' is not a behaviour wire name", label.Message, StringComparison.Ordinal);
        Assert.Null(await Sessions.GetAsync(key, "s1", Ct));
    }

    [SkippableFact]
    public async Task Hot_path_takes_at_most_three_round_trips()
    {
        SkipIfUnavailable();
        var key = Person("budget");
        await People.SaveAsync(NewPerson(key), Ct);
        await Sessions.SaveAsync(NewSession(key) with { TurnCount = 1 }, [Turn(0, "customer", "Hello?")], Ct);
        var before = RoundTrips;

        // (1) claim the inbound event, (2) load person + live session, (3) save the turns and header together.
        Assert.True(await Dedupe.TryClaimAsync(new InboundEventKey(key.Tenant, "activity-7"), Now, TimeSpan.FromDays(1), Ct));
        var snapshot = await People.GetWithLiveSessionAsync(key, Ct);
        await Sessions.SaveAsync(
            snapshot.LiveSession! with { TurnCount = 3 },
            [Turn(1, "agent", "What happened?", "open_question"), Turn(2, "customer", "It broke.")],
            Ct);

        var used = RoundTrips - before;
        Assert.InRange(used, 1, 3);
        Assert.Equal(3, (await Sessions.GetTurnsAsync(key, "s1", Ct)).Count);
    }

    [SkippableFact]
    public async Task A_batch_that_fails_midway_leaves_nothing()
    {
        SkipIfUnavailable();
        await Rows.SubmitAsync(Tables.People, "p", [RowOp.Insert("c", "{}")], Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Rows.SubmitAsync(Tables.People, "p", [RowOp.Insert("a", "{}"), RowOp.Upsert("b", "{}"), RowOp.Insert("c", "{}"), RowOp.Insert("d", "{}")], Ct));
        var left = await Rows.RangeAsync(Tables.People, "p", string.Empty, null, null, Ct);
        Assert.Equal(["c"], left.Select(r => r.RowKey));

        var c = left[0];
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Rows.SubmitAsync(Tables.People, "p", [RowOp.Insert("e", "{}"), RowOp.Replace("c", """{"v":2}""", c.Version + "0")], Ct));
        Assert.Null(await Rows.GetAsync(Tables.People, "p", "e", Ct));
        Assert.Equal("{}", (await Rows.GetAsync(Tables.People, "p", "c", Ct))!.Body);
        await Assert.ThrowsAsync<ArgumentException>(() => Rows.SubmitAsync(Tables.People, "p", Enumerable.Range(0, 101).Select(i => RowOp.Upsert($"r{i}", "{}")).ToArray(), Ct));
    }

    [SkippableFact]
    public async Task Long_texts_fit_and_oversized_rows_get_a_clear_error()
    {
        SkipIfUnavailable();
        var key = Person("long");
        var longText = string.Concat(Enumerable.Repeat("I have been waiting for three weeks. ", 3000)); // ~111K chars, > 64 KiB
        await Sessions.SaveAsync(NewSession(key) with { TurnCount = 1, StateJson = $$"""{"notes":"{{new string('x', 70_000)}}"}""" }, [Turn(0, "customer", longText)], Ct);
        Assert.Equal(longText, (await Sessions.GetTurnsAsync(key, "s1", Ct)).Single().Text);
        Assert.Equal(70_012, (await Sessions.GetAsync(key, "s1", Ct))!.StateJson.Length);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            Rows.SubmitAsync(Tables.People, "p", [RowOp.Upsert("big", new string('y', RowLimits.MaxBodyChars + 1))], Ct));
        Assert.Contains("own rows", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Range_reads_follow_continuation_past_one_page()
    {
        SkipIfUnavailable();
        foreach (var chunk in Enumerable.Range(0, 1150).Chunk(RowLimits.MaxBatch))
        {
            await Rows.SubmitAsync(Tables.Phrases, "big", chunk.Select(i => RowOp.Insert($"{i:D5}", "{}")).ToArray(), Ct);
        }

        var all = await Rows.RangeAsync(Tables.Phrases, "big", string.Empty, null, null, Ct);
        Assert.Equal(1150, all.Count);
        Assert.Equal("01149", all[^1].RowKey);
        Assert.Equal(1050, (await Rows.RangeAsync(Tables.Phrases, "big", "00100", null, null, Ct)).Count);
        Assert.Equal(1020, (await Rows.RangeAsync(Tables.Phrases, "big", string.Empty, null, 1020, Ct)).Count);
    }

    [SkippableFact]
    public async Task Inbound_dedupe_claims_once_until_expiry()
    {
        SkipIfUnavailable();
        var evt = new InboundEventKey(Tenant(), "Ev012345");
        Assert.True(await Dedupe.TryClaimAsync(evt, Now, TimeSpan.FromMinutes(10), Ct));
        Assert.False(await Dedupe.TryClaimAsync(evt, Now.AddMinutes(1), TimeSpan.FromMinutes(10), Ct));
        Assert.False(await Dedupe.TryClaimAsync(evt, Now.AddMinutes(9), TimeSpan.FromMinutes(10), Ct));
        Assert.True(await Dedupe.TryClaimAsync(evt, Now.AddMinutes(11), TimeSpan.FromMinutes(10), Ct));
        Assert.False(await Dedupe.TryClaimAsync(evt, Now.AddMinutes(12), TimeSpan.FromMinutes(10), Ct));

        var other = new InboundEventKey(Tenant(), "Ev-later");
        Assert.True(await Dedupe.TryClaimAsync(other, Now.AddMinutes(15), TimeSpan.FromMinutes(10), Ct));
        Assert.Equal(0, await Dedupe.PurgeExpiredAsync(Tenant(), Now.AddMinutes(20), Ct));
        Assert.Equal(1, await Dedupe.PurgeExpiredAsync(Tenant(), Now.AddMinutes(22), Ct));
        Assert.False(await Dedupe.TryClaimAsync(other, Now.AddMinutes(22), TimeSpan.FromMinutes(10), Ct));
        Assert.True(await Dedupe.TryClaimAsync(evt, Now.AddMinutes(22), TimeSpan.FromMinutes(10), Ct));
    }

    [SkippableFact]
    public async Task A_released_claim_can_be_claimed_again_and_releasing_nothing_is_harmless()
    {
        SkipIfUnavailable();
        var evt = InboundEventKey.For(Tenant(), "19:abc;messageid=1|1700000000000");
        Assert.True(await Dedupe.TryClaimAsync(evt, Now, TimeSpan.FromMinutes(10), Ct));
        await Dedupe.ReleaseAsync(evt, Ct);
        Assert.True(await Dedupe.TryClaimAsync(evt, Now.AddSeconds(1), TimeSpan.FromMinutes(10), Ct));
        Assert.False(await Dedupe.TryClaimAsync(evt, Now.AddSeconds(2), TimeSpan.FromMinutes(10), Ct));

        await Dedupe.ReleaseAsync(InboundEventKey.For(Tenant(), "never-claimed"), Ct);
    }

    [SkippableFact]
    public async Task Ledger_claims_once_records_outcomes_and_lists_a_due_bucket()
    {
        SkipIfUnavailable();
        var entry = NewLedgerEntry(Tenant(), "u-1");
        Assert.True(await Ledger.TryClaimAsync(entry, Ct));
        Assert.False(await Ledger.TryClaimAsync(entry, Ct));
        Assert.False(await Ledger.TryClaimAsync(entry with { DueUtc = entry.DueUtc.AddHours(3) }, Ct));

        var claimed = (await Ledger.GetAsync(entry.Tenant, "u-1", "daily-prompt", "2026-11-25", Ct))!;
        Assert.Equal(DeliveryState.Claimed, claimed.State);
        var throttled = await Ledger.MarkAsync(claimed, DeliveryState.Throttled, "429 retry after 30s", Now, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Ledger.MarkAsync(claimed, DeliveryState.Sent, null, Now, Ct));
        var sent = await Ledger.MarkAsync(throttled, DeliveryState.Sent, null, Now.AddSeconds(31), Ct);
        Assert.Equal(2, sent.Attempts);

        var bucket = await Ledger.ListByDueBucketAsync(entry.Tenant, entry.DueUtc, Ct);
        Assert.Equal((DeliveryState.Sent, 2), (bucket.Single().State, bucket.Single().Attempts));
        Assert.Empty(await Ledger.ListByDueBucketAsync(entry.Tenant, entry.DueUtc.AddMinutes(1), Ct));
    }

    [SkippableFact]
    public async Task Parallel_writers_neither_lose_work_nor_double_claim()
    {
        SkipIfUnavailable();
        var entry = NewLedgerEntry(Tenant(), "race");
        var second = new DeliveryLedger(CreateSecondRowStore());
        var claims = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => (i % 2 == 0 ? Ledger : second).TryClaimAsync(entry, Ct))));
        Assert.Single(claims, won => won);

        var people = Enumerable.Range(0, 24).Select(i => Person($"p{i}")).ToArray();
        await Task.WhenAll(people.Select(p => Task.Run(() => People.SaveAsync(NewPerson(p), Ct))));
        foreach (var p in people)
        {
            Assert.NotNull(await People.GetAsync(p, Ct));
        }

        // Concurrent updates of one row: every save either lands or reports a conflict; none is silently lost.
        var key = people[0];
        var start = (await People.GetAsync(key, Ct))!;
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                await People.SaveAsync(start with { DisplayName = $"writer {i}" }, Ct);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        })));
        Assert.Single(outcomes, landed => landed);
        Assert.Equal($"writer {Array.IndexOf(outcomes, true)}", (await People.GetAsync(key, Ct))!.DisplayName);
    }

    internal static TeamRecord NewTeam(TenantScope tenant) =>
        new(tenant, "support", "Support EMEA", "19:standup@thread", new TimeOnly(9, 15), "Europe/Dublin", ["ownership", "warmth"], ":heart:", ":clap:");

    internal static CommitmentRecord NewCommitment(PersonKey person, DateOnly checkIn, string id = "c1") =>
        new(person, id, "s1", "summary", "Summarise before closing", checkIn, CommitmentStatus.Open, Now);

    internal static LedgerEntry NewLedgerEntry(TenantScope tenant, string recipient) =>
        new(tenant, recipient, "daily-prompt", "2026-11-25", Now, DeliveryState.Claimed, 0, null, Now);

    /// <summary>An export minus the key echo, to see whether anything ELSE was found.</summary>
    private static string Strip(string exportJson)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(exportJson)!.AsObject();
        node.Remove("person");
        foreach (var emptyKey in node.Where(p => p.Value is null || (p.Value is System.Text.Json.Nodes.JsonArray { Count: 0 })).Select(p => p.Key).ToArray())
        {
            node.Remove(emptyKey);
        }

        return node.ToJsonString();
    }
}
