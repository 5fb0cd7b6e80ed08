using RolePlay.Core.Scheduling;

namespace RolePlay.Core.Tests.Routines;

public class PromptScheduleTests
{
    private static readonly DayOfWeek[] Weekdays = [.. PromptSchedule.DefaultDays];
    private static readonly DayOfWeek[] EveryDay = Enum.GetValues<DayOfWeek>();

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Later_today_when_the_time_has_not_passed_in_the_persons_zone()
    {
        // 08:00 UTC is 09:00 in Paris in winter: 09:30 Paris is still ahead, at 08:30 UTC.
        var next = PromptSchedule.Next(new TimeOnly(9, 30), Weekdays, "Europe/Paris", null, Utc("2026-11-25T08:00:00Z"));
        Assert.Equal(Utc("2026-11-25T08:30:00Z"), next);
    }

    [Fact]
    public void Working_days_skip_the_weekend()
    {
        // Friday 10:00 in Chicago has passed 09:30: the next is Monday.
        var next = PromptSchedule.Next(new TimeOnly(9, 30), Weekdays, "America/Chicago", null, Utc("2026-11-27T16:00:00Z"));
        Assert.Equal(Utc("2026-11-30T15:30:00Z"), next);
    }

    [Fact]
    public void A_date_line_zone_uses_its_own_calendar_day()
    {
        // 20:00 UTC Tuesday is 09:00 Wednesday in Auckland (UTC+13 in summer).
        var next = PromptSchedule.Next(new TimeOnly(9, 30), Weekdays, "Pacific/Auckland", null, Utc("2026-11-24T20:00:00Z"));
        Assert.Equal(Utc("2026-11-24T20:30:00Z"), next);
    }

    [Theory]
    // Spring forward: London 2027-03-28 01:00 → 02:00; New York 2027-03-14 02:00 → 03:00.
    [InlineData("Europe/London", "2027-03-27T12:00:00Z", 9, 30, "2027-03-28T08:30:00Z")]
    [InlineData("Europe/London", "2027-03-27T12:00:00Z", 1, 30, "2027-03-28T01:30:00Z")]
    [InlineData("America/New_York", "2027-03-13T18:00:00Z", 9, 30, "2027-03-14T13:30:00Z")]
    [InlineData("America/New_York", "2027-03-13T12:00:00Z", 2, 30, "2027-03-14T07:30:00Z")]
    // Fall back: London 2026-10-25 02:00 → 01:00; New York 2026-11-01 02:00 → 01:00.
    [InlineData("Europe/London", "2026-10-24T12:00:00Z", 9, 30, "2026-10-25T09:30:00Z")]
    [InlineData("Europe/London", "2026-10-24T12:00:00Z", 1, 30, "2026-10-25T00:30:00Z")]
    [InlineData("America/New_York", "2026-10-31T18:00:00Z", 9, 30, "2026-11-01T14:30:00Z")]
    [InlineData("America/New_York", "2026-10-31T12:00:00Z", 1, 30, "2026-11-01T05:30:00Z")]
    public void Daylight_saving_days_keep_the_local_time(string zone, string after, int hour, int minute, string expected)
    {
        var next = PromptSchedule.Next(new TimeOnly(hour, minute), EveryDay, zone, null, Utc(after));
        Assert.Equal(Utc(expected), next);
    }

    [Fact]
    public void A_time_skipped_by_spring_forward_happens_just_after_the_jump_and_only_once()
    {
        var first = PromptSchedule.Next(new TimeOnly(1, 30), EveryDay, "Europe/London", null, Utc("2027-03-27T12:00:00Z"))!.Value;
        var second = PromptSchedule.Next(new TimeOnly(1, 30), EveryDay, "Europe/London", null, first)!.Value;
        // 01:30 does not exist on 28 March in London; it is sent at 02:30 BST (01:30 UTC), then 01:30 BST next day.
        Assert.Equal(Utc("2027-03-29T00:30:00Z"), second);
        Assert.Equal(TimeSpan.FromHours(23), second - first);
    }

    [Fact]
    public void A_time_that_occurs_twice_at_fall_back_is_sent_once()
    {
        var first = PromptSchedule.Next(new TimeOnly(1, 30), EveryDay, "Europe/London", null, Utc("2026-10-24T12:00:00Z"))!.Value;
        var second = PromptSchedule.Next(new TimeOnly(1, 30), EveryDay, "Europe/London", null, first)!.Value;
        Assert.Equal(Utc("2026-10-25T00:30:00Z"), first);
        Assert.Equal(Utc("2026-10-26T01:30:00Z"), second);
    }

    [Fact]
    public void A_pause_skips_occurrences_until_it_ends()
    {
        var pausedUntil = Utc("2026-12-02T00:00:00Z");
        var next = PromptSchedule.Next(new TimeOnly(9, 30), Weekdays, "Etc/UTC", pausedUntil, Utc("2026-11-25T08:00:00Z"));
        Assert.Equal(Utc("2026-12-02T09:30:00Z"), next);
    }

    [Fact]
    public void No_days_or_an_open_ended_pause_means_no_prompt()
    {
        Assert.Null(PromptSchedule.Next(new TimeOnly(9, 30), [], "Etc/UTC", null, Utc("2026-11-25T08:00:00Z")));
        Assert.Null(PromptSchedule.Next(new TimeOnly(9, 30), Weekdays, "Etc/UTC", DateTimeOffset.MaxValue, Utc("2026-11-25T08:00:00Z")));
    }

    [Fact]
    public void An_unknown_zone_falls_back_to_utc()
    {
        var next = PromptSchedule.Next(new TimeOnly(9, 30), EveryDay, "Mars/Olympus", null, Utc("2026-11-25T08:00:00Z"));
        Assert.Equal(Utc("2026-11-25T09:30:00Z"), next);
    }
}
