using System.Text.Json.Nodes;
using RolePlay.Core.Practice;
using RolePlay.Core.Storage;
using RolePlay.Storage.Rows;
using static RolePlay.Storage.Tests.TestData;

namespace RolePlay.Storage.Tests;

public abstract partial class StorageContract
{
    [SkippableFact]
    public async Task Teams_and_members_are_stored_per_tenant()
    {
        SkipIfUnavailable();
        var tenant = Tenant();
        var team = await Teams.SaveAsync(NewTeam(tenant), Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Teams.SaveAsync(NewTeam(tenant), Ct));
        var updated = await Teams.SaveAsync(team with { ServiceValues = ["ownership", "warmth", "clarity"] }, Ct);
        Assert.Equal(["ownership", "warmth", "clarity"], (await Teams.GetAsync(tenant, "support", Ct))!.ServiceValues);
        Assert.Equal(updated.Version, (await Teams.ListAsync(tenant, Ct)).Single().Version);

        await Teams.AddMemberAsync(tenant, "support", new TeamMember(Person("a"), Now), Ct);
        await Teams.AddMemberAsync(tenant, "support", new TeamMember(Person("b"), Now), Ct);
        await Teams.AddMemberAsync(tenant, "support-2", new TeamMember(Person("c"), Now), Ct);
        await Teams.RemoveMemberAsync(tenant, "support", Person("a"), Ct);
        Assert.Equal(["b"], (await Teams.ListMembersAsync(tenant, "support", Ct)).Select(m => m.Person.UserId));
    }

    [SkippableFact]
    public async Task A_channel_is_connected_to_one_team_once_and_only_in_its_tenant()
    {
        SkipIfUnavailable();
        var tenant = Tenant("connect-" + Guid.NewGuid().ToString("N"));
        var channel = "19:general@thread.tacv2;messageid=1";
        Assert.Null(await Teams.FindConnectedAsync(tenant, channel, Ct));

        await Teams.ConnectAsync(tenant, channel, "team-studio", Ct);

        Assert.Equal("team-studio", await Teams.FindConnectedAsync(tenant, channel, Ct));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Teams.ConnectAsync(tenant, channel, "team-other", Ct));
        Assert.Equal("team-studio", await Teams.FindConnectedAsync(tenant, channel, Ct));
        Assert.Null(await Teams.FindConnectedAsync(Tenant("connect-" + Guid.NewGuid().ToString("N")), channel, Ct));
        // A connection is not a team: the tenant's list of teams is unchanged.
        Assert.Empty(await Teams.ListAsync(tenant, Ct));
    }

    [SkippableFact]
    public async Task Learning_records_and_check_ins_due_by_day()
    {
        SkipIfUnavailable();
        var ana = Person("ana");
        var buddy = Person("ben");
        var day = new DateOnly(2026, 12, 2);
        await Learning.SaveRubricAsync(new RubricResultRecord(ana, "s1", [new StoredRubricScore("active-listening", 3, ["That sounds frustrating"])], Now), Ct);
        Assert.Equal("That sounds frustrating", (await Learning.GetRubricAsync(ana, "s1", Ct))!.Scores[0].Evidence[0]);

        await Learning.AddReflectionAsync(new ReflectionRecord(ana, "s1", "feelings", "Nervous at first", Now), Ct);
        await Learning.AddReflectionAsync(new ReflectionRecord(ana, "s1", "observations", "The summary landed", Now.AddSeconds(1)), Ct);
        Assert.Equal(["Nervous at first", "The summary landed"], (await Learning.ListReflectionsAsync(ana, "s1", Ct)).Select(r => r.Text));

        var commitment = await Learning.SaveCommitmentAsync(NewCommitment(ana, day), Ct);
        Assert.Equal(["c1"], (await Learning.ListDueForCheckInAsync(ana.Tenant, day, Ct)).Select(c => c.CommitmentId));
        var moved = await Learning.SaveCommitmentAsync(commitment with { CheckInDay = day.AddDays(1) }, Ct);
        Assert.Empty(await Learning.ListDueForCheckInAsync(ana.Tenant, day, Ct));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Learning.SaveCommitmentAsync(commitment with { Text = "stale" }, Ct));

        await Learning.AddCheckInAsync(new CheckInRecord(ana, "c1", buddy, "She summarised twice today", true, Now.AddDays(7)), Ct);
        await Learning.SaveCommitmentAsync(moved with { Status = CommitmentStatus.Kept }, Ct);
        Assert.Empty(await Learning.ListDueForCheckInAsync(ana.Tenant, day.AddDays(1), Ct));
        Assert.Equal(buddy, (await Learning.ListCheckInsAsync(ana, "c1", Ct)).Single().By);
    }

    [SkippableFact]
    public async Task Pairing_history_returns_the_last_rounds_newest_first()
    {
        SkipIfUnavailable();
        var tenant = Tenant();
        for (var round = 1; round <= 4; round++)
        {
            await Pairing.SaveRoundAsync(new PairingRound(tenant, "support", round, Now.AddDays(7 * round), [new PairRecord(Person("a"), Person($"b{round}"))], round % 2 == 0 ? [Person("odd")] : []), Ct);
        }

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Pairing.SaveRoundAsync(new PairingRound(tenant, "support", 4, Now, [], []), Ct));

        var recent = await Pairing.ListRecentAsync(tenant, "support", 2, Ct);
        Assert.Equal([4, 3], recent.Select(r => r.RoundNumber));
        Assert.Equal(["b4", "b3"], recent.Select(r => r.Pairs.Single().Second.UserId));
        Assert.Equal([Person("odd")], recent[0].Unpaired);
        Assert.Empty(recent[1].Unpaired);
        Assert.Empty(await Pairing.ListRecentAsync(Tenant("fabrikam"), "support", 2, Ct));
    }

    [SkippableFact]
    public async Task Recognitions_are_listed_by_week_and_deduplicated()
    {
        SkipIfUnavailable();
        var tenant = Tenant();
        var wednesday = new DateTimeOffset(2026, 11, 25, 15, 0, 0, TimeSpan.Zero);
        RecognitionRecord Kudos(string id, DateTimeOffset at) => new(tenant, "support", id, Person("mgr"), Person("ana"), "m-" + id, "empathy-win", ":heart:", at);
        await Recognitions.AddAsync(Kudos("r1", wednesday), Ct);
        await Recognitions.AddAsync(Kudos("r1", wednesday), Ct);
        await Recognitions.AddAsync(Kudos("r2", wednesday.AddDays(4)), Ct); // Sunday: same week
        await Recognitions.AddAsync(Kudos("r3", wednesday.AddDays(5)), Ct); // next Monday

        Assert.Equal(["r1", "r2"], (await Recognitions.ListWeekAsync(tenant, "support", new DateOnly(2026, 11, 23), Ct)).Select(r => r.RecognitionId));
        Assert.Equal(["r3"], (await Recognitions.ListWeekAsync(tenant, "support", new DateOnly(2026, 12, 4), Ct)).Select(r => r.RecognitionId));
    }

    [SkippableFact]
    public async Task A_recognition_is_removed_from_its_week_and_keeps_its_kind()
    {
        SkipIfUnavailable();
        var tenant = Tenant();
        var wednesday = new DateTimeOffset(2026, 11, 25, 15, 0, 0, TimeSpan.Zero);
        await Recognitions.AddAsync(new(tenant, "support", "r1", Person("mgr"), Person("ana"), "m1", "channel_message", "clap", wednesday), Ct);
        await Recognitions.AddAsync(new(tenant, "support", "w1", Person("ben"), Person("ana"), "m1", "channel_message", "sparkles", wednesday,
            RecognitionKind.EmpathyWin), Ct);

        await Recognitions.RemoveAsync(tenant, "support", "r1", new DateOnly(2026, 12, 2), Ct); // another week: nothing there
        Assert.Equal(2, (await Recognitions.ListWeekAsync(tenant, "support", new DateOnly(2026, 11, 23), Ct)).Count);

        await Recognitions.RemoveAsync(tenant, "support", "r1", new DateOnly(2026, 11, 29), Ct);
        await Recognitions.RemoveAsync(tenant, "support", "r1", new DateOnly(2026, 11, 29), Ct); // a retried removal
        var left = Assert.Single(await Recognitions.ListWeekAsync(tenant, "support", new DateOnly(2026, 11, 23), Ct));
        Assert.Equal(("w1", RecognitionKind.EmpathyWin), (left.RecognitionId, left.Kind));
    }

    [SkippableFact]
    public async Task Phrase_library_is_newest_first()
    {
        SkipIfUnavailable();
        var tenant = Tenant();
        for (var i = 0; i < 5; i++)
        {
            await Phrases.AddAsync(new PhraseRecord(tenant, "support", $"ph{i}", Person("ana"), $"Phrase {i}", "empathy", Now.AddHours(i)), Ct);
        }

        Assert.Equal(["Phrase 4", "Phrase 3", "Phrase 2"], (await Phrases.ListAsync(tenant, "support", 3, Ct)).Select(p => p.Text));
    }

    [SkippableFact]
    public async Task Delivery_addresses_and_channel_installs_round_trip()
    {
        SkipIfUnavailable();
        var reference = new DeliveryAddress(Tenant(), "ana", "a:1xyz", "https://smba.trafficmanager.net/emea/", "28:bot", Now);
        await Addresses.SaveAsync(reference, Ct);
        await Addresses.SaveAsync(reference with { ConversationId = "a:2xyz" }, Ct);
        Assert.Equal("a:2xyz", (await Addresses.GetAsync(Tenant(), "ana", Ct))!.ConversationId);
        // The endpoint keeps the field name rows were written under when it was Teams' serviceUrl.
        var row = await Rows.GetAsync(Tables.ConversationRefs, RowKeys.Tenant(Tenant()), RowKeys.Part("ana"), Ct);
        Assert.Contains("\"serviceUrl\":\"https://smba.trafficmanager.net/emea/\"", row!.Body, StringComparison.Ordinal);

        var slack = new TenantScope("slack", "T0123");
        var install = new ChannelInstall(slack, """{"botUserId":"U0BOT","encryptedBotToken":"enc:v1:AAAA"}""");
        await Installs.SaveAsync(install, Ct);
        await Installs.SaveAsync(new ChannelInstall(new TenantScope("teams", "T0123"), "{}"), Ct);
        Assert.Equal(install, await Installs.GetAsync(slack, Ct));
        await Installs.DeleteAsync(slack, Ct);
        Assert.Null(await Installs.GetAsync(slack, Ct));
        Assert.Equal("{}", (await Installs.GetAsync(new TenantScope("teams", "T0123"), Ct))!.Payload);
    }

    [SkippableFact]
    public async Task An_alias_finds_its_person_in_its_own_tenant_only_and_is_forgotten_with_them()
    {
        SkipIfUnavailable();
        var erin = new PersonKey(Tenant(), "29:1erin");
        const string objectId = "6a1f0c2e-0000-4000-8000-00000000abcd";
        await Aliases.SaveAsync(new PersonKey(Tenant(), "29:1old"), objectId, Ct);
        await Aliases.SaveAsync(erin, objectId, Ct);

        Assert.Equal(erin, await Aliases.FindAsync(Tenant(), objectId, Ct));
        Assert.Null(await Aliases.FindAsync(new TenantScope("teams", "another-tenant"), objectId, Ct));
        Assert.Null(await Aliases.FindAsync(Tenant(), "unknown-object-id", Ct));

        await PersonalData.ForgetAsync(erin, Ct);
        Assert.Null(await Aliases.FindAsync(Tenant(), objectId, Ct));
    }

    [SkippableFact]
    public async Task A_sign_in_session_is_found_until_it_expires_or_is_signed_out_and_expired_ones_are_purged()
    {
        SkipIfUnavailable();
        await SignIns.SaveAsync(new SignInSession("a1b2", "ticket-1", Now.AddHours(8)), Ct);
        await SignIns.SaveAsync(new SignInSession("c3d4", "ticket-2", Now.AddMinutes(5)), Ct);
        await SignIns.SaveAsync(new SignInSession("e5f6", "ticket-3", Now.AddMinutes(5)), Ct);

        Assert.Equal(new SignInSession("a1b2", "ticket-1", Now.AddHours(8)), await SignIns.FindAsync("a1b2", Now, Ct));
        Assert.Null(await SignIns.FindAsync("c3d4", Now.AddMinutes(5), Ct)); // expired, even before the purge
        Assert.Null(await SignIns.FindAsync("never-made", Now, Ct));

        // Renewed (sliding expiry), then one signed out, twice: the second is a no-op.
        await SignIns.SaveAsync(new SignInSession("e5f6", "ticket-3b", Now.AddHours(8)), Ct);
        await SignIns.RemoveAsync("a1b2", Ct);
        await SignIns.RemoveAsync("a1b2", Ct);
        Assert.Null(await SignIns.FindAsync("a1b2", Now, Ct));
        Assert.Equal("ticket-3b", (await SignIns.FindAsync("e5f6", Now.AddHours(1), Ct))!.Ticket);

        Assert.Equal(1, await SignIns.PurgeExpiredAsync(Now.AddHours(1), Ct));
        Assert.NotNull(await SignIns.FindAsync("e5f6", Now.AddHours(1), Ct));
    }

    [SkippableFact]
    public async Task Export_holds_everything_about_a_person_and_forget_removes_it_everywhere()
    {
        SkipIfUnavailable();
        var tenant = Tenant();
        var ana = Person("ana");
        var ben = Person("ben");
        var day = new DateOnly(2026, 12, 2);
        var due = Now.AddHours(20);
        foreach (var p in new[] { ana, ben })
        {
            await People.SaveAsync(NewPerson(p, due), Ct);
            await Teams.AddMemberAsync(tenant, "support", new TeamMember(p, Now), Ct);
            await Learning.SaveCommitmentAsync(NewCommitment(p, day), Ct);
            await Addresses.SaveAsync(new DeliveryAddress(tenant, p.UserId, "a:" + p.UserId, null, null, Now), Ct);
            await Ledger.TryClaimAsync(NewLedgerEntry(tenant, p.UserId), Ct);
        }

        await Sessions.SaveAsync(NewSession(ana) with { TurnCount = 2 }, [Turn(0, "customer", "Where is it?"), Turn(1, "agent", "Let me find out for you, Sam.")], Ct);
        await Sessions.SaveAsync(NewSession(ben) with { TurnCount = 1 }, [Turn(0, "customer", "Ben's customer")], Ct);
        await Pairing.SaveRoundAsync(new PairingRound(tenant, "support", 1, Now, [new PairRecord(ana, ben)], []), Ct);
        await Recognitions.AddAsync(new RecognitionRecord(tenant, "support", "r1", ben, ana, "m1", "empathy-win", ":heart:", Now), Ct);
        await Recognitions.AddAsync(new RecognitionRecord(tenant, "support", "r2", Person("mgr"), ben, "m2", "empathy-win", ":heart:", Now), Ct);
        await Phrases.AddAsync(new PhraseRecord(tenant, "support", "ph1", ana, "I can hear how stressful this is", "empathy", Now), Ct);
        await Learning.AddCheckInAsync(new CheckInRecord(ben, "c1", ana, "Ben kept it", true, Now), Ct);

        var export = JsonNode.Parse(await PersonalData.ExportAsync(ana, Ct))!;
        var exportText = export.ToJsonString();
        Assert.Equal("Dana ana", (string?)export["profile"]![0]!["displayName"]);
        Assert.Contains("Let me find out for you, Sam.", exportText, StringComparison.Ordinal);
        Assert.Contains("I can hear how stressful this is", exportText, StringComparison.Ordinal);
        Assert.Contains("Ben kept it", exportText, StringComparison.Ordinal);
        Assert.Contains("\"messageId\":\"m1\"", exportText, StringComparison.Ordinal);
        Assert.Single(export["deliveries"]!.AsArray());
        Assert.Equal("a:ana", (string?)export["conversationReference"]!["conversationId"]);
        Assert.DoesNotContain("Ben's customer", exportText, StringComparison.Ordinal);

        Assert.True(await PersonalData.ForgetAsync(ana, Ct) > 10);

        Assert.Null(await People.GetAsync(ana, Ct));
        Assert.Equal(new PersonWithLiveSession(null, null), await People.GetWithLiveSessionAsync(ana, Ct));
        Assert.Empty(await Sessions.GetTurnsAsync(ana, "s1", Ct));
        Assert.Equal([ben], await People.ListDueAsync(tenant, due, Ct));
        Assert.Equal([ben], (await Teams.ListMembersAsync(tenant, "support", Ct)).Select(m => m.Person));
        Assert.Equal([ben], (await Learning.ListDueForCheckInAsync(tenant, day, Ct)).Select(c => c.Person));
        Assert.Null(await Addresses.GetAsync(tenant, "ana", Ct));
        Assert.Null(await Ledger.GetAsync(tenant, "ana", "daily-prompt", "2026-11-25", Ct));
        Assert.Equal(["ben"], (await Ledger.ListByDueBucketAsync(tenant, Now, Ct)).Select(e => e.Recipient));
        Assert.Empty((await Pairing.ListRecentAsync(tenant, "support", 5, Ct)).Single().Pairs);
        Assert.Equal(["r2"], (await Recognitions.ListWeekAsync(tenant, "support", DateOnly.FromDateTime(Now.UtcDateTime), Ct)).Select(r => r.RecognitionId));
        Assert.Empty(await Phrases.ListAsync(tenant, "support", 10, Ct));
        Assert.Empty(await Learning.ListCheckInsAsync(ben, "c1", Ct));
        Assert.Equal("""{}""", Strip(await PersonalData.ExportAsync(ana, Ct)));

        // Ben's own data is untouched.
        Assert.Equal(["Ben's customer"], (await Sessions.GetTurnsAsync(ben, "s1", Ct)).Select(t => t.Text));
        Assert.NotNull(await People.GetAsync(ben, Ct));
        Assert.Equal(0, await PersonalData.ForgetAsync(ana, Ct));
    }

    [SkippableFact]
    public async Task Work_larger_than_one_batch_is_chunked()
    {
        SkipIfUnavailable();
        var tenant = Tenant();
        var pairs = Enumerable.Range(0, 120).Select(i => new PairRecord(Person($"a{i}"), Person($"b{i}"))).ToArray();
        await Pairing.SaveRoundAsync(new PairingRound(tenant, "floor", 1, Now, pairs, [Person("odd")]), Ct);
        var round = (await Pairing.ListRecentAsync(tenant, "floor", 1, Ct)).Single();
        Assert.Equal(pairs, round.Pairs);
        Assert.Equal([Person("odd")], round.Unpaired);

        var ana = Person("chatty");
        var header = NewSession(ana);
        for (var save = 0; save < 3; save++)
        {
            var turns = Enumerable.Range(header.TurnCount, 60).Select(i => Turn(i, i % 2 == 0 ? "customer" : "agent", $"turn {i}")).ToArray();
            header = await Sessions.SaveAsync(header with { TurnCount = header.TurnCount + turns.Length }, turns, Ct);
        }

        Assert.Equal(180, (await Sessions.GetTurnsAsync(ana, "s1", Ct)).Count);
        Assert.Equal(181, await PersonalData.ForgetAsync(ana, Ct));
        Assert.Empty(await Rows.RangeAsync(RolePlay.Storage.Rows.Tables.People, RolePlay.Storage.Rows.RowKeys.Person(ana), string.Empty, null, null, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Sessions.SaveAsync(
            NewSession(ana) with { TurnCount = 99 }, Enumerable.Range(0, 99).Select(i => Turn(i, "agent", "x")).ToArray(), Ct));
    }
}
