using RolePlay.Core.Storage;

namespace RolePlay.Bot.Tests.Routines;

/// <summary>Prompts arrive at each person's local time, in their own zone, through daylight-saving changes — the
/// runner driven minute by minute as the minute job drives it, and the platform's receipt time checked.</summary>
public sealed class SpringForwardTests : RoutineTest
{
    // Sunday 29 March 2026: Berlin jumps 02:00 → 03:00 (01:00 UTC). New York jumped on 8 March; it is on EDT (−4).
    protected override DateTimeOffset Start => Utc(2026, 3, 28, 23, 0);

    [Fact]
    public async Task A_time_skipped_by_spring_forward_comes_just_after_the_jump_and_others_at_their_new_offset()
    {
        var inGap = Person("berlin-0230");
        var berlinMorning = Person("berlin-0930");
        var newYork = Person("ny-0230");
        await OptInAsync(inGap, "Europe/Berlin", "02:30");
        await OptInAsync(berlinMorning, "Europe/Berlin", "09:30");
        await OptInAsync(newYork, "America/New_York", "02:30");

        await RunUntilAsync(Utc(2026, 3, 29, 8, 0));

        Assert.Equal([Utc(2026, 3, 29, 1, 30)], Delivered.To(inGap.UserId).Select(d => d.At));     // 03:30 CEST, 30 min after the jump
        Assert.Equal([Utc(2026, 3, 29, 7, 30)], Delivered.To(berlinMorning.UserId).Select(d => d.At)); // 09:30 CEST
        Assert.Equal([Utc(2026, 3, 29, 6, 30)], Delivered.To(newYork.UserId).Select(d => d.At));     // 02:30 EDT
        Assert.All(Delivered.All, d => Assert.Contains(d.CardIds, id => id is "routine.daily_prompt" or "routine.warm_up"));
        Assert.Equal(DeliveryState.Sent, (await PromptEntryAsync(inGap, "2026-03-29"))!.State);

        var next = await Bot.People.GetAsync(KeyOf(inGap), CancellationToken.None);
        Assert.Equal(Utc(2026, 3, 30, 0, 30), next!.NextPromptUtc); // Monday 02:30 CEST
    }
}

public sealed class NewYorkSpringForwardTests : RoutineTest
{
    // Sunday 8 March 2026: New York jumps 02:00 EST → 03:00 EDT (07:00 UTC); Berlin is still on CET (+1).
    protected override DateTimeOffset Start => Utc(2026, 3, 8, 0, 0);

    [Fact]
    public async Task A_time_inside_the_new_york_gap_is_sent_once_after_the_jump()
    {
        var inGap = Person("ny-0230");
        var berlin = Person("berlin-0230");
        await OptInAsync(inGap, "America/New_York", "02:30");
        await OptInAsync(berlin, "Europe/Berlin", "02:30");

        await RunUntilAsync(Utc(2026, 3, 8, 9, 0));

        Assert.Equal([Utc(2026, 3, 8, 7, 30)], Delivered.To(inGap.UserId).Select(d => d.At));  // 03:30 EDT
        Assert.Equal([Utc(2026, 3, 8, 1, 30)], Delivered.To(berlin.UserId).Select(d => d.At)); // 02:30 CET
    }
}

public sealed class FallBackTests : RoutineTest
{
    // Sunday 25 October 2026: Berlin falls back 03:00 CEST → 02:00 CET (01:00 UTC), so 02:30 happens twice.
    protected override DateTimeOffset Start => Utc(2026, 10, 24, 22, 0);

    [Fact]
    public async Task A_time_that_occurs_twice_at_fall_back_is_sent_once_at_its_first_occurrence()
    {
        var twice = Person("berlin-0230");
        var berlinMorning = Person("berlin-0930");
        await OptInAsync(twice, "Europe/Berlin", "02:30");
        await OptInAsync(berlinMorning, "Europe/Berlin", "09:30");

        await RunUntilAsync(Utc(2026, 10, 25, 9, 0));

        Assert.Equal([Utc(2026, 10, 25, 0, 30)], Delivered.To(twice.UserId).Select(d => d.At));      // 02:30 CEST, not again at 02:30 CET
        Assert.Equal([Utc(2026, 10, 25, 8, 30)], Delivered.To(berlinMorning.UserId).Select(d => d.At)); // 09:30 CET
    }
}

public sealed class NewYorkFallBackTests : RoutineTest
{
    // Sunday 1 November 2026: New York falls back 02:00 EDT → 01:00 EST (06:00 UTC), so 01:30 happens twice; 02:30 once.
    protected override DateTimeOffset Start => Utc(2026, 11, 1, 3, 0);

    [Fact]
    public async Task New_york_times_around_fall_back_are_each_sent_once()
    {
        var twice = Person("ny-0130");
        var after = Person("ny-0230");
        await OptInAsync(twice, "America/New_York", "01:30");
        await OptInAsync(after, "America/New_York", "02:30");

        await RunUntilAsync(Utc(2026, 11, 1, 9, 0));

        Assert.Equal([Utc(2026, 11, 1, 5, 30)], Delivered.To(twice.UserId).Select(d => d.At)); // 01:30 EDT, not again at 01:30 EST
        Assert.Equal([Utc(2026, 11, 1, 7, 30)], Delivered.To(after.UserId).Select(d => d.At)); // 02:30 EST
    }
}
