using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace RolePlay.Channels.Tests;

/// <summary>A reply tried until settled, on a fake clock.</summary>
public sealed class PatientSendTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 9, 30, 0, TimeSpan.Zero));

    [Fact]
    public async Task Throttled_waits_the_retry_after_and_a_passing_failure_a_doubling_pause_then_it_is_sent()
    {
        var outcomes = new Queue<SendOutcome>([new SendOutcome.Throttled(TimeSpan.FromSeconds(30)), new SendOutcome.Failed("connection_failed"),
            new SendOutcome.Failed("connection_failed"), new SendOutcome.Sent("1.2")]);
        var attempts = new List<DateTimeOffset>();

        var send = Send(outcomes, attempts);
        for (var i = 0; i < 2_000 && !send.IsCompleted; i++)
        {
            await Task.Delay(1);
            _clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(new SendOutcome.Sent("1.2"), await send);
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();
        // The Retry-After, then 1 s, then 2 s (each at least that; a little more while the fake clock runs on).
        Assert.Equal(3, gaps.Count);
        foreach (var (gap, wait) in gaps.Zip(new[] { 30.0, 1.0, 2.0 }))
        {
            Assert.InRange(gap, wait, wait + 1);
        }
    }

    [Fact]
    public async Task What_is_settled_comes_back_at_once()
    {
        foreach (var settled in new SendOutcome[] { new SendOutcome.Unreachable("account_inactive"), new SendOutcome.Failed("channel_not_found") })
        {
            var attempts = new List<DateTimeOffset>();
            Assert.Equal(settled, await Send(new Queue<SendOutcome>([settled]), attempts));
            Assert.Single(attempts);
        }
    }

    [Fact]
    public async Task It_gives_up_when_the_next_wait_would_pass_its_patience()
    {
        var attempts = new List<DateTimeOffset>();
        var outcomes = new Queue<SendOutcome>([new SendOutcome.Throttled(PatientSend.Patience + TimeSpan.FromSeconds(1))]);

        Assert.IsType<SendOutcome.Throttled>(await Send(outcomes, attempts));
        Assert.Single(attempts);
    }

    private Task<SendOutcome> Send(Queue<SendOutcome> outcomes, List<DateTimeOffset> attempts) =>
        PatientSend.UntilSettledAsync("reply", _ =>
            {
                attempts.Add(_clock.GetUtcNow());
                return Task.FromResult(outcomes.Dequeue());
            },
            failed => failed.Code == "connection_failed", _clock, NullLogger.Instance, CancellationToken.None);
}
