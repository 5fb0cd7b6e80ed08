using RolePlay.Core.Routines;
using RolePlay.Core.Storage;
using static RolePlay.Core.Tests.Routines.Team.Planning;

namespace RolePlay.Core.Tests.Routines.Team;

public sealed class StandupRoutineTests : IAsyncLifetime
{
    private static readonly DayOfWeek[] EveryDay = Enum.GetValues<DayOfWeek>();
    private RoutineHarness _h = null!;

    public async Task InitializeAsync() => _h = await RoutineHarness.StartAsync(Utc("2026-11-23T00:00:00Z"));

    public Task DisposeAsync() => _h.DisposeAsync().AsTask();

    [Theory]
    // Wednesday 25 November 2026: 09:15 in London is 09:15 UTC, in New York 14:15 UTC, in Tokyo 00:15 UTC.
    [InlineData("Europe/London", "2026-11-25T09:15:00Z")]
    [InlineData("America/New_York", "2026-11-25T14:15:00Z")]
    [InlineData("Asia/Tokyo", "2026-11-25T00:15:00Z")]
    public async Task The_opener_is_posted_in_the_standup_channel_at_the_teams_local_time(string zone, string due)
    {
        await _h.SaveTeamAsync(zone);
        var routine = _h.Standup();

        var planned = Assert.Single(await routine.PlanAsync(Utc(due)));
        Assert.Equal(RoutineKind.Standup, planned.Routine);
        Assert.Equal(new RoutineTarget.Channel(RoutineHarness.Tenant, RoutineHarness.Channel), planned.To);
        Assert.Equal("2026-11-25", planned.OccasionKey);
        var card = await planned.CardAsync();
        Assert.Contains(StandupPrompts.For(new DateOnly(2026, 11, 25)), card.Text());
        Assert.Contains("thread", card.Text());

        Assert.Empty(await routine.PlanAsync(Utc(due).AddMinutes(-1)));
        Assert.Empty(await routine.PlanAsync(Utc(due).AddMinutes(1)));
        Assert.Empty(await routine.PlanAsync(Utc(due).AddHours(1)));
    }

    [Fact]
    public async Task Weekends_and_the_teams_own_days_are_respected()
    {
        await _h.SaveTeamAsync("Europe/London");
        var routine = _h.Standup();
        Assert.Empty(await routine.PlanAsync(Utc("2026-11-28T09:15:00Z"))); // Saturday
        Assert.Single(await routine.PlanAsync(Utc("2026-11-30T09:15:00Z"))); // Monday

        await _h.SaveTeamAsync("Europe/London", change: t => t with { WorkingDays = [DayOfWeek.Tuesday, DayOfWeek.Saturday] });
        Assert.Empty(await routine.PlanAsync(Utc("2026-11-30T09:15:00Z")));
        Assert.Single(await routine.PlanAsync(Utc("2026-11-28T09:15:00Z")));
    }

    [Theory]
    // Spring forward (London 2027-03-28 01:00→02:00, New York 2027-03-14 02:00→03:00): a skipped time runs once, just after the jump.
    [InlineData("Europe/London", 1, 30, "2027-03-28T01:30:00Z", null)]
    [InlineData("America/New_York", 2, 30, "2027-03-14T07:30:00Z", null)]
    // Fall back (London 2026-10-25, New York 2026-11-01): a time that happens twice runs at the first, never the second.
    [InlineData("Europe/London", 1, 30, "2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z")]
    [InlineData("America/New_York", 1, 30, "2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z")]
    // An ordinary time on those days keeps its local time.
    [InlineData("Europe/London", 9, 15, "2027-03-28T08:15:00Z", "2027-03-28T09:15:00Z")]
    [InlineData("America/New_York", 9, 15, "2026-11-01T14:15:00Z", "2026-11-01T13:15:00Z")]
    public async Task Daylight_saving_days_post_once_at_the_right_instant(string zone, int hour, int minute, string due, string? notDue)
    {
        await _h.SaveTeamAsync(zone, new TimeOnly(hour, minute), t => t with { WorkingDays = EveryDay });
        var routine = _h.Standup();
        Assert.Single(await routine.PlanAsync(Utc(due)));
        if (notDue is not null)
        {
            Assert.Empty(await routine.PlanAsync(Utc(notDue)));
        }
    }

    [Fact]
    public async Task Two_hosts_planning_the_same_minute_plan_the_same_message()
    {
        await _h.SaveTeamAsync("Europe/London");
        var first = await _h.Standup().PlanAsync(Utc("2026-11-25T09:15:00Z"));
        var second = await _h.Standup().PlanAsync(Utc("2026-11-25T09:15:00Z"));
        Assert.Equal(first.Claims(), second.Claims());
        Assert.Equal((await first[0].CardAsync()).Text(), (await second[0].CardAsync()).Text());
    }

    [Fact]
    public async Task Run_now_uses_an_occasion_of_its_own_and_a_team_without_a_standup_plans_nothing()
    {
        await _h.SaveTeamAsync("Europe/London");
        var now = Assert.Single(await _h.Standup().PlanNowAsync(Utc("2026-11-25T13:02:07Z")));
        Assert.Equal("now-20261125130207", now.OccasionKey);

        await _h.SaveTeamAsync("Europe/London", change: t => t with { StandupTime = null });
        Assert.Empty(await _h.Standup().PlanAsync(Utc("2026-11-25T09:15:00Z")));
    }

    [Fact]
    public void Consecutive_days_get_different_prompts()
    {
        var days = Enumerable.Range(0, StandupPrompts.All.Count).Select(i => StandupPrompts.For(new DateOnly(2026, 11, 1).AddDays(i)));
        Assert.Equal(StandupPrompts.All.Count, days.Distinct().Count());
    }
}
