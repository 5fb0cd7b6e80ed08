using RolePlay.Core.Practice;
using RolePlay.Core.Routing;
using static RolePlay.Core.Routing.PracticeCommand;

namespace RolePlay.Core.Tests.Conversations;

public class PracticeCommandParserTests
{
    // A Wednesday.
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static PracticeCommand Parse(string text) => PracticeCommandParser.Parse(text, Today);

    [Theory]
    [InlineData("/practice time 09:30", 9, 30)]
    [InlineData("time 9:30", 9, 30)]
    [InlineData("TIME 0930", 9, 30)]
    [InlineData("time at 2:15pm", 14, 15)]
    [InlineData("/time 7am", 7, 0)]
    public void Time_is_read_in_many_spellings(string text, int hour, int minute)
    {
        var command = Assert.IsType<SetTime>(Parse(text));
        Assert.Equal(new TimeOnly(hour, minute), command.Time);
    }

    [Theory]
    [InlineData("time 25:00")]
    [InlineData("time")]
    [InlineData("time 9:30 10:30")]
    [InlineData("time soon")]
    public void Bad_times_are_explained_not_applied(string text)
    {
        var unknown = Assert.IsType<Unknown>(Parse(text));
        Assert.Contains("HH:MM", unknown.Reason);
    }

    [Theory]
    [InlineData("days mon-fri", "Monday,Tuesday,Wednesday,Thursday,Friday")]
    [InlineData("/practice days mon-sun", "Sunday,Monday,Tuesday,Wednesday,Thursday,Friday,Saturday")]
    [InlineData("days mon,wed,fri", "Monday,Wednesday,Friday")]
    [InlineData("days mon wed fri", "Monday,Wednesday,Friday")]
    [InlineData("days Monday - Thursday", "Monday,Tuesday,Wednesday,Thursday")]
    [InlineData("days fri-mon", "Sunday,Monday,Friday,Saturday")]
    [InlineData("days weekdays", "Monday,Tuesday,Wednesday,Thursday,Friday")]
    [InlineData("days tues,thurs,weds", "Tuesday,Wednesday,Thursday")]
    [InlineData("days sat", "Saturday")]
    public void Days_are_ranges_or_lists(string text, string expected)
    {
        var command = Assert.IsType<SetDays>(Parse(text));
        Assert.Equal(expected, string.Join(',', command.Days.Order()));
    }

    [Theory]
    [InlineData("days")]
    [InlineData("days mon-")]
    [InlineData("days funday")]
    [InlineData("days mo")]
    public void Bad_days_are_explained(string text)
    {
        Assert.Contains("mon-fri", Assert.IsType<Unknown>(Parse(text)).Reason);
    }

    [Theory]
    [InlineData("pause", null)]
    [InlineData("pause until 2026-12-01", "2026-12-01")]
    [InlineData("/practice pause until friday", "2026-11-27")]
    [InlineData("pause wednesday", "2026-12-02")]
    [InlineData("pause tomorrow", "2026-11-26")]
    [InlineData("pause for 3 days", "2026-11-28")]
    [InlineData("pause 2 weeks", "2026-12-09")]
    public void Pause_takes_a_date_a_weekday_or_a_span(string text, string? until)
    {
        var command = Assert.IsType<Pause>(Parse(text));
        Assert.Equal(until is null ? null : DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture), command.Until);
    }

    [Fact]
    public void Pausing_until_a_past_date_is_refused()
    {
        Assert.Contains("already passed", Assert.IsType<Unknown>(Parse("pause until 2026-01-01")).Reason);
    }

    [Theory]
    [InlineData("intensity high", Intensity.High)]
    [InlineData("/practice intensity LOW", Intensity.Low)]
    public void Intensity_is_one_of_three(string text, Intensity expected)
    {
        Assert.Equal(expected, Assert.IsType<SetIntensity>(Parse(text)).Intensity);
        Assert.IsType<Unknown>(Parse("intensity extreme"));
    }

    [Fact]
    public void Time_zones_keep_their_canonical_spelling()
    {
        Assert.Equal("Europe/London", Assert.IsType<SetTimeZone>(Parse("timezone europe/london")).TimeZoneId);
        Assert.IsType<Unknown>(Parse("timezone Mars/Olympus"));
    }

    [Theory]
    [InlineData("", typeof(Help))]
    [InlineData("/practice", typeof(Help))]
    [InlineData("help", typeof(Help))]
    [InlineData("/practice stop", typeof(OptOut))]
    [InlineData("opt out", typeof(OptOut))]
    [InlineData("opt in", typeof(OptIn))]
    [InlineData("resume", typeof(Resume))]
    [InlineData("settings", typeof(PracticeCommand.Settings))]
    [InlineData("dance", typeof(Unknown))]
    public void Verbs_map_to_commands(string text, Type expected)
    {
        Assert.IsType(expected, Parse(text));
    }

    [Fact]
    public void Start_and_team_keep_their_arguments()
    {
        Assert.Equal("late-delivery", Assert.IsType<Start>(Parse("/practice start late-delivery")).ScenarioId);
        Assert.Null(Assert.IsType<Start>(Parse("start")).ScenarioId);
        Assert.Equal(["standup", "#support", "09:15"], Assert.IsType<Team>(Parse("team standup #support 09:15")).Arguments);
    }
}
