namespace RolePlay.Channels.Tests;

/// <summary>The strict "N per window" pacer behind the Teams tenant budget (and Slack's workspace budgets), on a fake
/// clock: who passes at once, who waits, and until when.</summary>
public sealed class WindowPacerTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);
    private readonly ParkingClock _clock = new(new DateTimeOffset(2026, 11, 25, 9, 30, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_budget_passes_at_once_and_the_next_call_waits_until_the_oldest_leaves_the_window()
    {
        var pacer = new WindowPacer(3, Window, _clock);

        var first = Enumerable.Range(0, 3).Select(_ => pacer.WaitAsync("tenant", CancellationToken.None)).ToList();
        _clock.Advance(TimeSpan.FromSeconds(4));
        var fourth = pacer.WaitAsync("tenant", CancellationToken.None);

        Assert.All(first, t => Assert.True(t.IsCompletedSuccessfully));
        _clock.Advance(TimeSpan.FromSeconds(5.999));
        Assert.False(fourth.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await fourth.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Each_key_has_its_own_budget()
    {
        var pacer = new WindowPacer(1, Window, _clock);
        await pacer.WaitAsync("tenant-a", CancellationToken.None);

        var sameTenant = pacer.WaitAsync("tenant-a", CancellationToken.None);
        var otherTenant = pacer.WaitAsync("tenant-b", CancellationToken.None);

        Assert.True(otherTenant.IsCompletedSuccessfully);
        Assert.False(sameTenant.IsCompleted);
        _clock.Advance(Window);
        await sameTenant.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_call_counts_from_when_it_passed_so_waiting_callers_never_bunch_up()
    {
        var pacer = new WindowPacer(1, Window, _clock);
        await pacer.WaitAsync("tenant", CancellationToken.None);
        var second = pacer.WaitAsync("tenant", CancellationToken.None);
        var third = pacer.WaitAsync("tenant", CancellationToken.None);

        _clock.Advance(Window);
        await second.WaitAsync(TimeSpan.FromSeconds(5));
        await _clock.TimersCreatedAsync(2); // the third caller has its turn and waits on the clock
        Assert.False(third.IsCompleted);

        _clock.Advance(Window - TimeSpan.FromMilliseconds(1));
        Assert.False(third.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await third.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_cancelled_wait_gives_its_turn_to_the_next_caller()
    {
        var pacer = new WindowPacer(1, Window, _clock);
        await pacer.WaitAsync("tenant", CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var abandoned = pacer.WaitAsync("tenant", cancel.Token);
        var next = pacer.WaitAsync("tenant", CancellationToken.None);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        await _clock.TimersCreatedAsync(2); // the next caller has the abandoned turn and waits on the clock
        _clock.Advance(Window);
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Keys_idle_for_a_window_are_forgotten_and_a_busy_key_keeps_its_budget()
    {
        var pacer = new WindowPacer(1, Window, _clock);
        await pacer.WaitAsync("busy", CancellationToken.None);
        for (var i = 0; i < 600; i++)
        {
            await pacer.WaitAsync($"tenant-{i}", CancellationToken.None);
        }

        Assert.Equal(601, pacer.KeyCount); // every key passed within the window: none may be forgotten yet

        _clock.Advance(Window);
        await pacer.WaitAsync("busy", CancellationToken.None);
        for (var i = 0; i < 256; i++)
        {
            await pacer.WaitAsync($"later-{i}", CancellationToken.None);
        }

        Assert.Equal(1 + 256, pacer.KeyCount);
        var next = pacer.WaitAsync("busy", CancellationToken.None);
        Assert.False(next.IsCompleted); // the sweep kept the busy key's last passage
        _clock.Advance(Window);
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
