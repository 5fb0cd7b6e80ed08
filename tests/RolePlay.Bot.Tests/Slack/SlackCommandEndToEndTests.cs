using System.Text.Json.Nodes;
using RolePlay.Core.Practice;
using RolePlay.Core.Storage;
using RolePlay.Testing.Slack;

namespace RolePlay.Bot.Tests.Slack;

/// <summary><c>/practice</c> through the real host: the answer comes back in the ack (ephemeral), and the person's
/// settings are what SQLite holds afterwards, computed in the zone users.info gave.</summary>
public sealed class SlackCommandEndToEndTests : SingleWorkspaceTest
{
    private const string Ana = "UANA";
    private static readonly PersonKey Key = new("slack", SlackBotHost.Workspace, Ana);
    private static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    [Fact]
    public async Task Time_is_kept_in_the_persons_own_zone_and_opts_them_in()
    {
        var answer = await CommandAsync("time 07:45");

        Assert.Contains("Prompt time saved", answer);
        var person = await PersonAsync();
        Assert.Equal("America/Los_Angeles", person.TimeZone);
        Assert.Equal(ConsentState.OptedIn, person.Consent);
        Assert.Equal(new TimeOnly(7, 45), person.DailyPromptTime);
        var next = TimeZoneInfo.ConvertTime(person.NextPromptUtc!.Value, LosAngeles);
        Assert.Equal((7, 45), (next.Hour, next.Minute));
    }

    [Theory]
    [InlineData("days mon-fri", new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })]
    [InlineData("days mon,wed,fri", new[] { DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday })]
    [InlineData("days sat-sun", new[] { DayOfWeek.Sunday, DayOfWeek.Saturday })]
    public async Task Days_take_ranges_and_lists(string text, DayOfWeek[] expected)
    {
        await CommandAsync("time 09:00");
        Assert.Contains("Days saved", await CommandAsync(text));

        var person = await PersonAsync();
        Assert.Equal(expected, person.WorkingDays);
        Assert.Contains(TimeZoneInfo.ConvertTime(person.NextPromptUtc!.Value, LosAngeles).DayOfWeek, expected);
    }

    [Fact]
    public async Task Intensity_pause_until_a_date_resume_and_stop_change_what_is_stored()
    {
        await CommandAsync("time 09:00");
        Assert.Contains("Intensity saved", await CommandAsync("intensity high"));
        Assert.Equal((int)Intensity.High, (await PersonAsync()).Intensity);

        var until = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, LosAngeles).DateTime).AddDays(10);
        Assert.Contains("Paused", await CommandAsync($"pause until {until:yyyy-MM-dd}"));
        var paused = await PersonAsync();
        Assert.Equal(new DateTimeOffset(until.ToDateTime(TimeOnly.MinValue), LosAngeles.GetUtcOffset(until.ToDateTime(TimeOnly.MinValue))), paused.PausedUntilUtc);
        Assert.True(paused.NextPromptUtc >= paused.PausedUntilUtc, "no prompt while paused");

        Assert.Contains("Welcome back", await CommandAsync("resume"));
        var resumed = await PersonAsync();
        Assert.Null(resumed.PausedUntilUtc);
        Assert.True(resumed.NextPromptUtc < paused.PausedUntilUtc);

        Assert.Contains("won't send you anything", await CommandAsync("stop"));
        var stopped = await PersonAsync();
        Assert.Equal(ConsentState.OptedOut, stopped.Consent);
        Assert.Null(stopped.NextPromptUtc);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("")]
    [InlineData("dance for me")]
    public async Task Help_an_empty_command_and_unknown_words_all_get_the_help(string text)
    {
        var answer = await CommandAsync(text);

        Assert.Contains("time 09:30", answer);
        Assert.Contains("days mon-fri", answer);
        Assert.Contains("pause", answer);
    }

    [Fact]
    public async Task Bad_values_are_explained_and_change_nothing()
    {
        await CommandAsync("time 09:00");
        var before = await PersonAsync();

        await CommandAsync("time 25:00");
        await CommandAsync("intensity extreme");

        var after = await PersonAsync();
        Assert.Equal((before.DailyPromptTime, before.Intensity, before.Version), (after.DailyPromptTime, after.Intensity, after.Version));
    }

    /// <summary>Sends the command and returns the ephemeral answer Slack shows (the ack body), after the queue drained.</summary>
    private async Task<string> CommandAsync(string text)
    {
        var response = await Host.CommandAsync(Ana, text);
        Assert.Equal(200, response.Status);
        await Host.DrainAsync();
        Assert.Equal("ephemeral", response.Json["response_type"]!.GetValue<string>());
        return response.Json["text"]!.GetValue<string>();
    }

    private async Task<PersonRecord> PersonAsync() =>
        await Host.People.GetAsync(Key, CancellationToken.None) ?? throw new Xunit.Sdk.XunitException("Ana is not stored");
}
