using RolePlay.Core.Chat;
using RolePlay.Core.Routines;
using RolePlay.Core.Storage;

namespace RolePlay.Bot.Tests.Routines;

/// <summary>Who gets a daily prompt: working days, pauses, opting out, people the platform cannot reach.</summary>
public sealed class DailyPromptRulesTests : RoutineTest
{
    // Thursday 26 November 2026, midday in London (GMT).
    protected override DateTimeOffset Start => Utc(2026, 11, 26, 12, 0);

    private protected override RoutineSetup Setup => new(Delivered,
        (to, _) => Task.FromResult<ProactiveOutcome?>(to.RecipientId == "gone" ? new ProactiveOutcome.Unreachable("user blocked the bot") : null));

    [Fact]
    public async Task Prompts_come_on_working_days_only_and_not_before_a_pause_ends()
    {
        var weekdays = Person("weekdays");
        var paused = Person("paused");
        await OptInAsync(weekdays, "Europe/London", "09:30", "mon-fri");
        await OptInAsync(paused, "Europe/London", "09:30", "mon-fri");
        await Bot.SayAsync(paused, "pause until 2026-12-01");

        await RunUntilAsync(Utc(2026, 12, 1, 12, 0), TimeSpan.FromHours(1));

        Assert.Equal(["2026-11-27", "2026-11-30", "2026-12-01"], await PromptDaysAsync(weekdays));
        Assert.Equal(["2026-12-01"], await PromptDaysAsync(paused));
        var friday = await PromptEntryAsync(weekdays, "2026-11-27");
        Assert.Equal((DeliveryState.Sent, Utc(2026, 11, 27, 9, 30)), (friday!.State, friday.DueUtc));
    }

    [Fact]
    public async Task Opted_out_people_get_nothing_even_with_a_stale_due_entry_and_are_taken_off_the_schedule()
    {
        var stopped = Person("stopped");
        var stale = Person("stale");
        await OptInAsync(stopped, "Europe/London", "09:30");
        await Bot.SayAsync(stopped, "stop");
        await OptInAsync(stale, "Europe/London", "09:30");
        var person = (await Bot.People.GetAsync(KeyOf(stale), CancellationToken.None))!;
        // Opted out by a path that left the due index behind (a crash between the two writes).
        await Bot.People.SaveAsync(person with { Consent = ConsentState.OptedOut }, CancellationToken.None);

        await RunUntilAsync(Utc(2026, 11, 27, 12, 0), TimeSpan.FromHours(1));

        Assert.Empty(Delivered.All);
        Assert.Null((await Bot.People.GetAsync(KeyOf(stale), CancellationToken.None))!.NextPromptUtc);
        Assert.Null((await Bot.People.GetAsync(KeyOf(stopped), CancellationToken.None))!.NextPromptUtc);
    }

    [Fact]
    public async Task An_unreachable_person_is_marked_once_and_never_retried_until_they_write_again()
    {
        var gone = Person("gone");
        await OptInAsync(gone, "Europe/London", "09:30");

        await RunUntilAsync(Utc(2026, 11, 30, 12, 0), TimeSpan.FromHours(1));

        var entry = await PromptEntryAsync(gone, "2026-11-27");
        Assert.Equal(DeliveryState.Failed, entry!.State);
        Assert.StartsWith("unreachable", entry.LastError, StringComparison.Ordinal);
        Assert.Null(await PromptEntryAsync(gone, "2026-11-28"));
        var marked = (await Bot.People.GetAsync(KeyOf(gone), CancellationToken.None))!;
        Assert.Equal(Utc(2026, 11, 27, 10, 0), marked.UnreachableSinceUtc);
        Assert.Null(marked.NextPromptUtc);

        await Bot.SayAsync(gone, "help");
        Assert.Equal(Utc(2026, 12, 1, 9, 30), (await Bot.People.GetAsync(KeyOf(gone), CancellationToken.None))!.NextPromptUtc);
    }

    private async Task<string[]> PromptDaysAsync(Core.Chat.ChannelUser user)
    {
        var days = new List<string>();
        for (var day = new DateOnly(2026, 11, 26); day <= new DateOnly(2026, 12, 1); day = day.AddDays(1))
        {
            var key = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            if ((await PromptEntryAsync(user, key))?.State == DeliveryState.Sent)
            {
                days.Add(key);
            }
        }

        Assert.Equal(days.Count, Delivered.To(user.UserId).Count);
        return [.. days];
    }
}
