using RolePlay.Core.Routing;
using RolePlay.Core.Storage;
using RolePlay.Core.TeamSetup;

namespace RolePlay.Core.Tests.Conversations;

/// <summary>The words for the team routines: a person's "shift" and "no-pair", a manager's "team days / pairing /
/// celebration".</summary>
public class RoutineCommandParserTests
{
    private static PracticeCommand Parse(string text) => PracticeCommandParser.Parse(text, new DateOnly(2026, 11, 25));

    [Theory]
    [InlineData("shift 17:30", 17, 30)]
    [InlineData("/practice shift 5:30pm", 17, 30)]
    [InlineData("shift ends 0600", 6, 0)]
    public void Shift_end_is_a_clock_time(string text, int hour, int minute) =>
        Assert.Equal(new TimeOnly(hour, minute), Assert.IsType<PracticeCommand.SetShiftEnd>(Parse(text)).End);

    [Theory]
    [InlineData("shift off")]
    [InlineData("/practice shift none")]
    public void Shift_off_clears_it(string text) => Assert.Null(Assert.IsType<PracticeCommand.SetShiftEnd>(Parse(text)).End);

    [Theory]
    [InlineData("shift")]
    [InlineData("shift 25:00")]
    [InlineData("shift late")]
    public void A_bad_shift_is_explained(string text) => Assert.Contains("shift 17:30", Assert.IsType<PracticeCommand.Unknown>(Parse(text)).Reason);

    [Theory]
    [InlineData("no-pair @U0BEN", "U0BEN")]
    [InlineData("/practice no-pair @U0BEN", "U0BEN")]
    [InlineData("nopair @29:1AbC", "29:1AbC")]
    [InlineData("no-pair U0Ben", "U0Ben")]
    public void No_pair_keeps_the_user_ids_case(string text, string userId) =>
        Assert.Equal(userId, Assert.IsType<PracticeCommand.NoPair>(Parse(text)).UserId);

    [Fact]
    public void No_pair_clear_and_a_missing_name()
    {
        Assert.Null(Assert.IsType<PracticeCommand.NoPair>(Parse("no-pair clear")).UserId);
        Assert.IsType<PracticeCommand.Unknown>(Parse("no-pair"));
        Assert.IsType<PracticeCommand.Unknown>(Parse("no-pair ana ben"));
    }

    [Fact]
    public void Team_days_pairing_and_celebration_are_read()
    {
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday],
            Assert.IsType<TeamSetupCommand.Days>(TeamSetupParser.Parse("team days mon,tue,thu")).WorkingDays.Order());
        Assert.Equal(new TeamSetupCommand.Pairing(PairingCadence.Fortnightly, DayOfWeek.Tuesday, new TimeOnly(11, 0)),
            TeamSetupParser.Parse("/practice team pairing fortnightly tue 11:00"));
        Assert.Equal(new TeamSetupCommand.Pairing(PairingCadence.Off, null, null), TeamSetupParser.Parse("team pairing off"));
        Assert.Equal(new TeamSetupCommand.Pairing(PairingCadence.Weekly, null, new TimeOnly(9, 0)), TeamSetupParser.Parse("team pairing WEEKLY 9am"));
        Assert.Equal(new TeamSetupCommand.Celebration(DayOfWeek.Friday, new TimeOnly(16, 0)), TeamSetupParser.Parse("team celebration fri 16:00"));
        Assert.Equal(new TeamSetupCommand.Celebration(DayOfWeek.Thursday, null), TeamSetupParser.Parse("team celebration thursday"));
        Assert.Equal(new TeamSetupCommand.Celebration(null, null), TeamSetupParser.Parse("team celebration off"));
    }

    [Theory]
    [InlineData("team days someday")]
    [InlineData("team pairing monthly")]
    [InlineData("team pairing weekly mon-fri")]
    [InlineData("team celebration 16:00")]
    [InlineData("team celebration fri 16:00 17:00")]
    public void Bad_team_routine_settings_are_explained(string text) => Assert.IsType<TeamSetupCommand.Invalid>(TeamSetupParser.Parse(text));
}
