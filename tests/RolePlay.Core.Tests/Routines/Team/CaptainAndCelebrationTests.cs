using RolePlay.Core.Routines;
using RolePlay.Core.Settings;
using RolePlay.Core.Storage;
using static RolePlay.Core.Tests.Routines.Team.Planning;

namespace RolePlay.Core.Tests.Routines.Team;

public sealed class CaptainAndCelebrationTests : IAsyncLifetime
{
    private RoutineHarness _h = null!;

    // Monday 23 November 2026, early.
    public async Task InitializeAsync() => _h = await RoutineHarness.StartAsync(Utc("2026-11-23T00:00:00Z"));

    public Task DisposeAsync() => _h.DisposeAsync().AsTask();

    private async Task<string> CaptainOnAsync(string mondayDue)
    {
        var planned = Assert.Single(await _h.Captain().PlanAsync(Utc(mondayDue)));
        Assert.Equal(new RoutineTarget.Channel(RoutineHarness.Tenant, RoutineHarness.Channel), planned.To);
        var text = (await planned.CardAsync()).Text();
        return new[] { "Ana", "Ben", "Cy", "Dee" }.Single(n => text.StartsWith(n + " is this week's practice captain", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_captain_rotates_weekly_skipping_paused_and_opted_out_members()
    {
        await _h.SaveTeamAsync("Europe/London"); // standup 09:15
        await _h.AddMemberAsync("ana");
        var ben = await _h.AddMemberAsync("ben");
        await _h.AddMemberAsync("cy", change: p => PersonSettings.OptOut(p, _h.Clock.GetUtcNow()));
        await _h.AddMemberAsync("dee");

        Assert.Equal("Ana", await CaptainOnAsync("2026-11-23T09:15:00Z"));
        Assert.Equal("Ben", await CaptainOnAsync("2026-11-30T09:15:00Z"));

        await _h.People.SaveAsync(PersonSettings.Pause(ben, null, _h.Clock.GetUtcNow()), CancellationToken.None);
        Assert.Equal("Dee", await CaptainOnAsync("2026-12-07T09:15:00Z"));
        Assert.Equal("Ana", await CaptainOnAsync("2026-12-14T09:15:00Z")); // wraps round; Ben is paused, Cy opted out
    }

    [Theory]
    // Monday at the standup time in the team's zone; 09:00 without one.
    [InlineData("America/Chicago", 8, 0, "2026-11-23T14:00:00Z")]
    [InlineData("Australia/Sydney", null, null, "2026-11-22T22:00:00Z")]
    public async Task The_captain_is_announced_on_Monday_in_the_teams_zone(string zone, int? hour, int? minute, string due)
    {
        _h.Clock.AdjustTime(Utc("2026-11-20T00:00:00Z"));
        await _h.SaveTeamAsync(zone, change: t => t with { StandupTime = hour is null ? null : new TimeOnly(hour.Value, minute!.Value) });
        await _h.AddMemberAsync("ana", zone);
        Assert.Empty(await _h.Captain().PlanAsync(Utc(due).AddMinutes(-1)));
        Assert.Empty(await _h.Captain().PlanAsync(Utc(due).AddDays(1)));
        Assert.Equal("Ana", await CaptainOnAsync(due));
    }

    [Fact]
    public async Task Two_hosts_announce_the_same_captain_even_when_they_see_different_members()
    {
        await _h.SaveTeamAsync("Europe/London");
        var ana = await _h.AddMemberAsync("ana");
        await _h.AddMemberAsync("ben");

        var first = await _h.Captain().PlanAsync(Utc("2026-11-23T09:15:00Z"));
        await _h.People.SaveAsync(PersonSettings.Pause(ana, null, _h.Clock.GetUtcNow()), CancellationToken.None);
        var second = await _h.Captain().PlanAsync(Utc("2026-11-23T09:15:00Z"));

        Assert.Equal(first.Claims(), second.Claims());
        Assert.Equal((await first[0].CardAsync()).Text(), (await second[0].CardAsync()).Text());
    }

    [Fact]
    public async Task An_empty_week_celebrates_nothing()
    {
        await _h.SaveTeamAsync("Europe/London");
        await _h.AddMemberAsync("ana");
        Assert.Empty(await _h.Celebration().PlanAsync(Utc("2026-11-27T16:00:00Z")));
    }

    [Theory]
    // Friday 16:00 in the team's zone by default.
    [InlineData("Europe/London", "2026-11-27T16:00:00Z")]
    [InlineData("Asia/Singapore", "2026-11-27T08:00:00Z")]
    public async Task The_weeks_recognitions_wins_and_phrases_are_posted_as_one_card(string zone, string due)
    {
        _h.Clock.AdjustTime(Utc("2026-11-24T12:00:00Z"));
        await _h.SaveTeamAsync(zone);
        await _h.AddMemberAsync("ana", zone);
        await _h.AddMemberAsync("ben", zone);
        var at = _h.Clock.GetUtcNow();
        await _h.Recognitions.AddAsync(Recognition("r1", "ben", "ana", RecognitionKind.Recognition, at), CancellationToken.None);
        await _h.Recognitions.AddAsync(Recognition("r2", "ana", "ben", RecognitionKind.EmpathyWin, at), CancellationToken.None);
        await _h.Recognitions.AddAsync(Recognition("r3", "cy", "ben", RecognitionKind.EmpathyWin, at), CancellationToken.None);
        await _h.Phrases.AddAsync(new PhraseRecord(RoutineHarness.Tenant, RoutineHarness.TeamId, "p1", RoutineHarness.Key("ana"),
            "I can hear how worrying this is.", "empathy", at), CancellationToken.None);
        await _h.Phrases.AddAsync(new PhraseRecord(RoutineHarness.Tenant, RoutineHarness.TeamId, "p0", RoutineHarness.Key("ben"),
            "Last week's phrase.", null, at.AddDays(-7)), CancellationToken.None);

        var routine = _h.Celebration();
        Assert.Empty(await routine.PlanAsync(Utc(due).AddMinutes(-1)));
        var planned = Assert.Single(await routine.PlanAsync(Utc(due)));
        Assert.Equal(new RoutineTarget.Channel(RoutineHarness.Tenant, RoutineHarness.Channel), planned.To);
        Assert.Equal("2026-11-27", planned.OccasionKey);
        var text = (await planned.CardAsync()).Text();
        Assert.Contains("Recognised for peer feedback: Ana", text);
        Assert.Contains("Empathy wins: Ben ×2", text);
        Assert.Contains("“I can hear how worrying this is.” — Ana (empathy)", text);
        Assert.DoesNotContain("Last week's phrase", text);

        Assert.Equal(new[] { planned }.Claims(), (await _h.Celebration().PlanAsync(Utc(due))).Claims());
    }

    [Fact]
    public async Task The_team_can_move_the_celebration_or_turn_it_off()
    {
        await _h.SaveTeamAsync("Europe/London", change: t => t with { CelebrationDay = DayOfWeek.Thursday, CelebrationTime = new TimeOnly(15, 30) });
        await _h.AddMemberAsync("ana");
        await _h.Phrases.AddAsync(new PhraseRecord(RoutineHarness.Tenant, RoutineHarness.TeamId, "p1", RoutineHarness.Key("ana"),
            "Let's sort this together.", "collaboration", Utc("2026-11-24T10:00:00Z")), CancellationToken.None);

        Assert.Empty(await _h.Celebration().PlanAsync(Utc("2026-11-27T16:00:00Z")));
        Assert.Single(await _h.Celebration().PlanAsync(Utc("2026-11-26T15:30:00Z")));

        await _h.SaveTeamAsync("Europe/London", change: t => t with { CelebrationDay = null });
        Assert.Empty(await _h.Celebration().PlanAsync(Utc("2026-11-26T15:30:00Z")));
    }

    private static RecognitionRecord Recognition(string id, string by, string to, RecognitionKind kind, DateTimeOffset at) =>
        new(RoutineHarness.Tenant, RoutineHarness.TeamId, id, RoutineHarness.Key(by), RoutineHarness.Key(to), "m-" + id, "channel_message",
            kind == RecognitionKind.EmpathyWin ? "sparkles" : "clap", at, kind);
}
