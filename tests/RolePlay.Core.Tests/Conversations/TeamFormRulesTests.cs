using RolePlay.Core.Routing;
using RolePlay.Core.Scheduling;
using RolePlay.Core.TeamSetup;

namespace RolePlay.Core.Tests.Conversations;

/// <summary>One rule for a time zone and for a team's values, whether typed in a chat, a channel or the studio's form.
/// </summary>
public class TeamFormRulesTests
{
    [Theory]
    [InlineData("Europe/London")]
    [InlineData("europe/london")]
    [InlineData("  EUROPE/LONDON ")]
    public void A_zone_is_found_in_any_case_and_given_back_in_the_systems_spelling(string typed)
    {
        Assert.Equal("Europe/London", TimeZoneNames.Find(typed));
        Assert.Equal("Europe/London", Assert.IsType<TeamSetupCommand.TimeZone>(TeamSetupParser.Parse($"team timezone {typed.Trim()}")).TimeZoneId);
        Assert.Equal("Europe/London", Assert.IsType<PracticeCommand.SetTimeZone>(PracticeCommandParser.Parse($"timezone {typed.Trim()}", new DateOnly(2026, 12, 7))).TimeZoneId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Mars/Olympus")]
    [InlineData(null)]
    public void What_names_no_zone_is_none(string? typed) => Assert.Null(TimeZoneNames.Find(typed));

    [Fact]
    public void Values_are_trimmed_kept_once_and_refused_when_too_many_too_long_or_with_control_characters()
    {
        Assert.Equal(["Listen first", "Own it"], Assert.IsType<TeamSetupCommand.Values>(TeamSetupParser.ValuesOf([" Listen first", "listen first", "", null, "Own it"])).Items);
        Assert.Empty(Assert.IsType<TeamSetupCommand.Values>(TeamSetupParser.ValuesOf([])).Items);
        Assert.IsType<TeamSetupCommand.Invalid>(TeamSetupParser.ValuesOf(Enumerable.Range(1, TeamSetupParser.MaxValues + 1).Select(i => $"Value {i}")));
        Assert.IsType<TeamSetupCommand.Invalid>(TeamSetupParser.ValuesOf([new string('v', TeamSetupParser.MaxValueLength + 1)]));
        Assert.Equal("A value may not contain control characters.", Assert.IsType<TeamSetupCommand.Invalid>(TeamSetupParser.ValuesOf(["Own\u0007it"])).Reason);
    }
}
