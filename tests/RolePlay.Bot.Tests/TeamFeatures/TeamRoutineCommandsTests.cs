using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Core.Storage;
using Inputs = RolePlay.Core.Chat.CardVerbs.Inputs;

namespace RolePlay.Bot.Tests.TeamFeatures;

/// <summary>The team-routine settings through the router, stored: a manager's days, pairing and celebration, a person's
/// shift end and no-pair list, and the end-of-shift card's answer.</summary>
public sealed class TeamRoutineCommandsTests : TeamFeatureTest
{
    [Fact]
    public async Task A_manager_sets_the_standup_days_pairing_and_celebration_and_they_are_stored_and_shown()
    {
        await Bot.SayInAsync(General, Mia, "team standup 09:15");
        Assert.Contains("Mon, Wed, Fri", Text(await Bot.SayInAsync(General, Mia, "team days mon,wed,fri")));
        Assert.Contains("fortnightly on Tuesday at 11:00", Text(await Bot.SayInAsync(General, Mia, "team pairing fortnightly tue 11:00")));
        Assert.Contains("Thursday at 15:30", Text(await Bot.SayInAsync(General, Mia, "team celebration thu 15:30")));

        var team = (await Bot.Teams.GetAsync(TenantA, "team-1", Ct))!;
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday], team.WorkingDays);
        Assert.Equal((PairingCadence.Fortnightly, DayOfWeek.Tuesday, new TimeOnly(11, 0)), (team.Pairing, team.PairingDay, team.PairingTime));
        Assert.Equal((DayOfWeek.Thursday, new TimeOnly(15, 30)), (team.CelebrationDay, team.CelebrationTime));

        var shown = CardTexts(Assert.Single(Cards(await Bot.SayInAsync(Floor, Ben, "team show")))).ToList();
        Assert.Contains("Standup days: Mon, Wed, Fri", shown);
        Assert.Contains(shown, t => t.StartsWith("Buddy pairing: fortnightly on Tuesday at 11:00", StringComparison.Ordinal));

        Assert.Contains("off", Text(await Bot.SayInAsync(General, Mia, "team celebration off")));
        Assert.Null((await Bot.Teams.GetAsync(TenantA, "team-1", Ct))!.CelebrationDay);
        Assert.Contains("Only this team's managers", Text(await Bot.SayInAsync(General, Ben, "team pairing off")));
    }

    [Fact]
    public async Task A_newly_set_up_team_gets_the_routine_defaults()
    {
        await Bot.SayInAsync(General, Mia, "team standup 09:15");
        var team = (await Bot.Teams.GetAsync(TenantA, "team-1", Ct))!;
        Assert.Equal((null, PairingCadence.Weekly, DayOfWeek.Monday, null, DayOfWeek.Friday, null),
            (team.WorkingDays, team.Pairing, team.PairingDay, team.PairingTime, team.CelebrationDay, team.CelebrationTime));
    }

    [Fact]
    public async Task Shift_end_is_stored_with_its_due_minute_and_shift_off_clears_both()
    {
        await Bot.SayAsync(Ana, "opt in");
        Assert.Contains("Shift end saved", Text(await Bot.SayAsync(Ana, "shift 17:30")));
        var ana = (await Bot.People.GetAsync(KeyOf(Ana), Ct))!;
        Assert.Equal(new TimeOnly(17, 30), ana.ShiftEnd);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 17, 30, 0, TimeSpan.Zero), ana.NextShiftEndUtc); // Etc/UTC by default
        Assert.Equal([KeyOf(Ana)], await Bot.People.ListShiftEndsDueAsync(TenantA, ana.NextShiftEndUtc!.Value, Ct));

        await Bot.SayAsync(Ana, "shift off");
        ana = (await Bot.People.GetAsync(KeyOf(Ana), Ct))!;
        Assert.Equal((null, null), (ana.ShiftEnd, ana.NextShiftEndUtc));
        Assert.Empty(await Bot.People.ListShiftEndsDueAsync(TenantA, new DateTimeOffset(2026, 11, 25, 17, 30, 0, TimeSpan.Zero), Ct));
    }

    [Fact]
    public async Task No_pair_is_stored_and_cleared()
    {
        Assert.Contains("won't be paired", Text(await Bot.SayAsync(Ana, "no-pair 29:ben")));
        Assert.Equal(["29:ben"], (await Bot.People.GetAsync(KeyOf(Ana), Ct))!.PairExclusions);
        Assert.Contains("can't", Text(await Bot.SayAsync(Ana, "no-pair 29:ana")));

        await Bot.SayAsync(Ana, "no-pair clear");
        Assert.Null((await Bot.People.GetAsync(KeyOf(Ana), Ct))!.PairExclusions);
    }

    [Fact]
    public async Task The_end_of_shift_card_answer_goes_through_the_router_into_the_team_library()
    {
        await Bot.SayInAsync(General, Ana, "team join");
        var result = await Bot.SubmitAsync(Ana, CardVerbs.LogPhrase, new() { [Inputs.Phrase] = "Let's work this out together — what matters most to you?" });

        Assert.Contains("phrase library", Text(result));
        var phrase = Assert.Single(await Bot.Services<IPhraseStore>().ListAsync(TenantA, "team-1", 5, Ct));
        Assert.Equal(KeyOf(Ana), phrase.Author);
        Assert.NotNull(phrase.Behaviour);
    }
}
