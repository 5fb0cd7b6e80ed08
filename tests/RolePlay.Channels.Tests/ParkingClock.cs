using Microsoft.Extensions.Time.Testing;

namespace RolePlay.Channels.Tests;

/// <summary>A fake clock that says when waiters have parked on it. A caller handed its turn by another caller resumes
/// on the thread pool, reads the time and only then creates its timer; advancing the clock in between would leave it
/// waiting on a moment already gone, so tests wait for the timer first.</summary>
internal sealed class ParkingClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private int _timers;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Increment(ref _timers);
        return base.CreateTimer(callback, state, dueTime, period);
    }

    /// <summary>Completes once <paramref name="count"/> timers in all have been created on this clock.</summary>
    public async Task TimersCreatedAsync(int count)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (Volatile.Read(ref _timers) < count)
        {
            await Task.Delay(5, limit.Token);
        }
    }
}
