using RolePlay.Core.Storage;
using RolePlay.Storage.Repositories;
using RolePlay.Storage.Rows;
using static RolePlay.Storage.Tests.TestData;

namespace RolePlay.Storage.Tests;

/// <summary>What the team routines store: the shift-end due index, the weekly captain claim, trios and the routine
/// settings of a team.</summary>
public abstract partial class StorageContract
{
    private protected CaptainStore Captains => new(Rows);

    private protected CueOfTheWeekStore CuesOfTheWeek => new(Rows);

    [SkippableFact]
    public async Task The_shift_end_index_follows_the_person_and_is_forgotten_with_them()
    {
        SkipIfUnavailable();
        var ana = Person("ana");
        var five = new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.Zero);
        var saved = await People.SaveAsync(NewPerson(ana) with { ShiftEnd = new TimeOnly(17, 0), NextShiftEndUtc = five.AddSeconds(20) }, Ct);
        Assert.Equal([ana], await People.ListShiftEndsDueAsync(ana.Tenant, five, Ct));
        Assert.Empty(await People.ListDueAsync(ana.Tenant, five, Ct)); // the prompt index is a different one

        var moved = await People.SaveAsync(saved with { NextShiftEndUtc = five.AddDays(1) }, Ct);
        Assert.Empty(await People.ListShiftEndsDueAsync(ana.Tenant, five, Ct));
        Assert.Equal([ana], await People.ListShiftEndsDueAsync(ana.Tenant, five.AddDays(1), Ct));
        Assert.Equal(new TimeOnly(17, 0), (await People.GetAsync(ana, Ct))!.ShiftEnd);

        await People.SaveAsync(moved with { PairExclusions = ["ben"] }, Ct);
        Assert.Equal(["ben"], (await People.GetAsync(ana, Ct))!.PairExclusions);

        await PersonalData.ForgetAsync(ana, Ct);
        Assert.Empty(await People.ListShiftEndsDueAsync(ana.Tenant, five.AddDays(1), Ct));
    }

    [SkippableFact]
    public async Task The_first_captain_claimed_for_a_week_stays_and_the_previous_week_is_found()
    {
        SkipIfUnavailable();
        var tenant = Tenant();
        var monday = new DateOnly(2026, 11, 23);
        Assert.Null(await Captains.GetPreviousAsync(tenant, "support", monday, Ct));

        await Captains.ClaimAsync(new CaptainRecord(tenant, "support", monday.AddDays(-14), Person("ana"), Now), Ct);
        var first = await Captains.ClaimAsync(new CaptainRecord(tenant, "support", monday, Person("ben"), Now), Ct);
        var second = await Captains.ClaimAsync(new CaptainRecord(tenant, "support", monday, Person("cy"), Now), Ct);
        Assert.Equal(Person("ben"), first.Captain);
        Assert.Equal(Person("ben"), second.Captain);

        Assert.Equal(Person("ben"), (await Captains.GetPreviousAsync(tenant, "support", monday.AddDays(7), Ct))!.Captain);
        Assert.Equal(Person("ana"), (await Captains.GetPreviousAsync(tenant, "support", monday, Ct))!.Captain);
        Assert.Null(await Captains.GetPreviousAsync(tenant, "other-team", monday.AddDays(7), Ct));
        Assert.Null(await Captains.GetPreviousAsync(Tenant("fabrikam"), "support", monday.AddDays(7), Ct));
    }

    [SkippableFact]
    public async Task A_teams_cue_of_the_week_is_kept_per_week_and_a_second_pick_replaces_the_first()
    {
        SkipIfUnavailable();
        var tenant = Tenant();
        var monday = new DateOnly(2026, 11, 23);
        Assert.Null(await CuesOfTheWeek.GetAsync(tenant, "support", monday, Ct));

        await CuesOfTheWeek.SaveAsync(new CueOfTheWeekRecord(tenant, "support", monday.AddDays(-7), "drop-the-blame", Now), Ct);
        await CuesOfTheWeek.SaveAsync(new CueOfTheWeekRecord(tenant, "support", monday, "name-the-feeling", Now), Ct);
        await CuesOfTheWeek.SaveAsync(new CueOfTheWeekRecord(tenant, "support", monday, "what-else", Now.AddMinutes(5)), Ct);

        var week = await CuesOfTheWeek.GetAsync(tenant, "support", monday, Ct);
        Assert.Equal(("what-else", Now.AddMinutes(5)), (week!.CueId, week.ChosenUtc));
        Assert.Equal("drop-the-blame", (await CuesOfTheWeek.GetAsync(tenant, "support", monday.AddDays(-7), Ct))!.CueId);
        Assert.Null(await CuesOfTheWeek.GetAsync(tenant, "other-team", monday, Ct));
        Assert.Null(await CuesOfTheWeek.GetAsync(Tenant("fabrikam"), "support", monday, Ct));
        Assert.Empty(await Teams.ListAsync(tenant, Ct)); // the picks are not teams
    }

    [SkippableFact]
    public async Task A_teams_cue_language_is_stored()
    {
        SkipIfUnavailable();
        var tenant = Tenant();
        var saved = await Teams.SaveAsync(NewTeam(tenant) with { CueLanguage = "es" }, Ct);
        Assert.Equal("es", (await Teams.GetAsync(tenant, saved.TeamId, Ct))!.CueLanguage);
        await Teams.SaveAsync(saved with { CueLanguage = null }, Ct);
        Assert.Null((await Teams.GetAsync(tenant, saved.TeamId, Ct))!.CueLanguage);
    }

    [SkippableFact]
    public async Task A_trio_is_stored_whole_and_a_second_round_with_the_same_number_conflicts()
    {
        SkipIfUnavailable();
        var tenant = Tenant();
        var round = new PairingRound(tenant, "support", 1, Now, [new PairRecord(Person("a"), Person("b"), Person("c"))], []);
        await Pairing.SaveRoundAsync(round, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Pairing.SaveRoundAsync(round with { Pairs = [new PairRecord(Person("a"), Person("d"))] }, Ct));

        var stored = Assert.Single(await Pairing.ListRecentAsync(tenant, "support", 4, Ct));
        Assert.Equal(Person("c"), Assert.Single(stored.Pairs).Third);
    }

    [SkippableFact]
    public async Task A_teams_routine_settings_are_stored()
    {
        SkipIfUnavailable();
        var tenant = Tenant();
        var team = NewTeam(tenant) with
        {
            WorkingDays = [DayOfWeek.Monday, DayOfWeek.Thursday], Pairing = PairingCadence.Fortnightly, PairingDay = DayOfWeek.Wednesday,
            PairingTime = new TimeOnly(11, 30), CelebrationDay = null, CelebrationTime = new TimeOnly(15, 0),
        };
        await Teams.SaveAsync(team, Ct);
        var stored = (await Teams.GetAsync(tenant, team.TeamId, Ct))!;
        Assert.Equal(team.WorkingDays, stored.WorkingDays);
        Assert.Equal((team.Pairing, team.PairingDay, team.PairingTime, team.CelebrationDay, team.CelebrationTime),
            (stored.Pairing, stored.PairingDay, stored.PairingTime, stored.CelebrationDay, stored.CelebrationTime));
    }

    [Fact]
    public void Rows_written_before_the_routine_settings_existed_read_as_the_defaults()
    {
        const string oldTeam = """
            {"tenant":{"platform":"teams","tenantId":"t"},"teamId":"x","name":"x","standupChannelId":null,"standupTime":null,
             "timeZone":"Etc/UTC","serviceValues":[],"empathyWinEmoji":"heart","recognitionEmoji":"like"}
            """;
        var team = StorageJson.Read<TeamRecord>(oldTeam);
        Assert.Equal((null, PairingCadence.Weekly, DayOfWeek.Monday, DayOfWeek.Friday), (team.WorkingDays, team.Pairing, team.PairingDay, team.CelebrationDay));

        var pair = StorageJson.Read<PairRecord>("""{"first":{"tenant":{"platform":"teams","tenantId":"t"},"userId":"a"},"second":{"tenant":{"platform":"teams","tenantId":"t"},"userId":"b"}}""");
        Assert.Null(pair.Third);
    }
}
