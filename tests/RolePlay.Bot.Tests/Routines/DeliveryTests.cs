using RolePlay.Core.Chat;
using RolePlay.Core.Routines;
using RolePlay.Core.Storage;

namespace RolePlay.Bot.Tests.Routines;

/// <summary>After downtime: late inside the misfire window, skipped (and logged once) outside it.</summary>
public sealed class MisfireTests : RoutineTest
{
    // Wednesday 25 November 2026, 06:00 in London (GMT).
    protected override DateTimeOffset Start => Utc(2026, 11, 25, 6, 0);

    [Fact]
    public async Task After_downtime_a_prompt_missed_inside_the_window_is_sent_late_and_older_ones_are_skipped()
    {
        var early = Person("early");
        var earlyToo = Person("early-too");
        var late = Person("late");
        await OptInAsync(early, "Europe/London", "07:00");
        await OptInAsync(earlyToo, "Europe/London", "07:05");
        await OptInAsync(late, "Europe/London", "09:00");
        await Bot.RunRoutinesAsync(); // the bot runs at 06:00, then is down until 09:30

        Bot.Clock.Advance(TimeSpan.FromMinutes(210));
        await Bot.RunRoutinesAsync();

        Assert.Equal([Utc(2026, 11, 25, 9, 30)], Delivered.To(late.UserId).Select(d => d.At));
        Assert.Empty(Delivered.To(early.UserId));
        Assert.Empty(Delivered.To(earlyToo.UserId));
        Assert.Equal(DeliveryState.Skipped, (await PromptEntryAsync(early, "2026-11-25"))!.State);
        Assert.Equal(Utc(2026, 11, 26, 7, 0), (await Bot.People.GetAsync(KeyOf(early), CancellationToken.None))!.NextPromptUtc);
        Assert.Single(Bot.Logs.Lines, l => l.Contains("missed by more than", StringComparison.Ordinal));

        var status = await Bot.RoutineStatus.ListAsync(new TenantScope("teams", Tenant), CancellationToken.None);
        var prompt = status.Single(s => s.Routine == RoutineKind.DailyPrompt);
        Assert.Equal((1, 2, 0), (prompt.Sent, prompt.Skipped, prompt.Failed));
    }

    [Fact]
    public async Task Without_a_sender_for_the_platform_the_occasion_is_recorded_as_failed()
    {
        var studio = new Core.Chat.ChannelUser("studio", Tenant, "local-user", "Local");
        await OptInAsync(studio, "Europe/London", "06:30");

        await RunUntilAsync(Utc(2026, 11, 25, 6, 31));

        var entry = await PromptEntryAsync(studio, "2026-11-25");
        Assert.Equal((DeliveryState.Failed, "no sender for platform studio"), (entry!.State, entry.LastError));
        Assert.Equal(Utc(2026, 11, 26, 6, 30), (await Bot.People.GetAsync(KeyOf(studio), CancellationToken.None))!.NextPromptUtc);
    }
}

/// <summary>Exactly once: a crash in the middle of a fan-out, throttling, and two hosts on one database file.</summary>
public sealed class ExactlyOnceTests : RoutineTest
{
    private const int People = 40;

    private static readonly Dictionary<string, string?> SmallFanOut = new() { ["Routines:MaxConcurrentSends"] = "4" };

    // Wednesday 25 November 2026, 09:29 in London; everyone's prompt is at 09:30.
    protected override DateTimeOffset Start => Utc(2026, 11, 25, 9, 29);

    private int _crashAfter = int.MaxValue;

    private CancellationTokenSource? _cancelDuringSend;

    private protected override RoutineSetup Setup => new(Delivered, (to, call) =>
    {
        _cancelDuringSend?.Cancel();
        return call > _crashAfter
            ? throw new InvalidOperationException("the host died mid-send")
            : Task.FromResult<ProactiveOutcome?>(null);
    }, SmallFanOut);

    [Fact]
    public async Task A_send_the_platform_accepted_is_recorded_even_when_the_fan_out_is_cancelled_meanwhile()
    {
        // Another send's failure cancels the whole fan-out (or the host is stopping) while this one is with the platform:
        // the ledger must still say it was sent, or the next run would send it again.
        var person = Person("p00");
        await OptInAsync(person, "Europe/London", "09:30");
        using var fanOut = new CancellationTokenSource();
        _cancelDuringSend = fanOut;
        var message = new PlannedMessage(RoutineKind.DailyPrompt, new RoutineTarget.Person(KeyOf(person)), "2026-11-25",
            Utc(2026, 11, 25, 9, 30), _ => Task.FromResult<IReadOnlyList<Core.Chat.Outgoing>>([new Core.Chat.TextOut("Practice?")]));

        var result = await Bot.Services<RoutineDelivery>().DeliverAsync(message, fanOut.Token);

        Assert.True(fanOut.IsCancellationRequested);
        Assert.Equal(DeliveryResult.Sent, result);
        Assert.Equal(DeliveryState.Sent, (await PromptEntryAsync(person, "2026-11-25"))!.State);
    }

    [Fact]
    public async Task A_crash_in_the_middle_of_a_fan_out_resumes_on_a_new_host_with_every_person_once()
    {
        await EveryoneOptsInAsync();
        await Bot.RunRoutinesAsync();
        _crashAfter = 10;
        Bot.Clock.Advance(TimeSpan.FromMinutes(1));
        await Bot.RunRoutinesAsync();
        Assert.Equal(10, Delivered.All.Count);
        Assert.Contains(Bot.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal));

        await using var restarted = await AnotherHostAsync(new RoutineSetup(Delivered, Overrides: SmallFanOut));
        restarted.Clock.Advance(TimeSpan.FromMinutes(1));
        await restarted.RunRoutinesAsync(); // the dead host's claims are still within their lease
        Assert.InRange(Delivered.All.Count, 10, People - 1);

        restarted.Clock.Advance(TimeSpan.FromMinutes(2));
        await restarted.RunRoutinesAsync(); // leases over: the claims are taken over

        AssertEachOnce();
    }

    [Fact]
    public async Task Two_hosts_on_one_database_file_running_the_same_minute_each_deliver_a_share_and_nobody_twice()
    {
        await EveryoneOptsInAsync();
        await Bot.RunRoutinesAsync();
        var bothSending = new Gate(2);
        var shares = new int[2];
        await using var first = await AnotherHostAsync(new RoutineSetup(Delivered, Meet(bothSending, shares, 0), SmallFanOut));
        await using var second = await AnotherHostAsync(new RoutineSetup(Delivered, Meet(bothSending, shares, 1), SmallFanOut));
        first.Clock.Advance(TimeSpan.FromMinutes(1));
        second.Clock.Advance(TimeSpan.FromMinutes(1));

        await Task.WhenAll(Task.Run(first.RunRoutinesAsync), Task.Run(second.RunRoutinesAsync));
        first.Clock.Advance(TimeSpan.FromMinutes(3));
        await first.RunRoutinesAsync(); // anything the other host still held when the first looked is settled now

        AssertEachOnce();
        Assert.All(shares, share => Assert.True(share > 0, $"both hosts deliver: {shares[0]} and {shares[1]}"));
    }

    [Fact]
    public async Task A_throttled_prompt_is_retried_after_retry_after_and_endless_throttling_ends_as_failed()
    {
        await using var throttling = await AnotherHostAsync(new RoutineSetup(Delivered, ThrottleOnce("once", "always"),
            new Dictionary<string, string?> { ["Routines:MaxAttempts"] = "4" }));
        await OptInAsync(Person("once"), "Europe/London", "09:30");
        await OptInAsync(Person("always"), "Europe/London", "09:30");
        await throttling.RunRoutinesAsync();

        throttling.Clock.Advance(TimeSpan.FromMinutes(1));
        await throttling.RunRoutinesAsync();
        Assert.Empty(Delivered.All);
        var waiting = await PromptEntryAsync(Person("once"), "2026-11-25");
        Assert.Equal((DeliveryState.Throttled, Utc(2026, 11, 25, 9, 30).AddSeconds(30)), (waiting!.State, waiting.NotBeforeUtc));

        for (var minute = 0; minute < 10; minute++)
        {
            throttling.Clock.Advance(TimeSpan.FromMinutes(1));
            await throttling.RunRoutinesAsync();
        }

        Assert.Equal([Utc(2026, 11, 25, 9, 31)], Delivered.To("once").Select(d => d.At));
        Assert.Equal(DeliveryState.Sent, (await PromptEntryAsync(Person("once"), "2026-11-25"))!.State);
        var given = await PromptEntryAsync(Person("always"), "2026-11-25");
        Assert.Equal(DeliveryState.Failed, given!.State);
        Assert.Equal(2, _alwaysCalls);
        Assert.Equal(Utc(2026, 11, 26, 9, 30), (await Bot.People.GetAsync(KeyOf(Person("always")), CancellationToken.None))!.NextPromptUtc);
    }

    private int _alwaysCalls;

    private Func<RoutineTarget, int, Task<ProactiveOutcome?>> ThrottleOnce(string once, string always)
    {
        var throttledOnce = 0;
        return (to, _) =>
        {
            if (to.RecipientId == always)
            {
                Interlocked.Increment(ref _alwaysCalls);
                return Task.FromResult<ProactiveOutcome?>(new ProactiveOutcome.Throttled(TimeSpan.FromSeconds(30)));
            }

            return Task.FromResult<ProactiveOutcome?>(to.RecipientId == once && Interlocked.Exchange(ref throttledOnce, 1) == 0
                ? new ProactiveOutcome.Throttled(TimeSpan.FromSeconds(30))
                : null);
        };
    }

    /// <summary>No send completes until both hosts have reached one, so neither finishes the whole minute alone;
    /// counts each host's deliveries.</summary>
    private static Func<RoutineTarget, int, Task<ProactiveOutcome?>> Meet(Gate gate, int[] shares, int host) => async (_, _) =>
    {
        await gate.ArriveAndWaitAsync(host);
        Interlocked.Increment(ref shares[host]);
        return null;
    };

    private async Task EveryoneOptsInAsync()
    {
        for (var i = 0; i < People; i++)
        {
            await OptInAsync(Person($"p{i:D2}"), "Europe/London", "09:30");
        }
    }

    private void AssertEachOnce()
    {
        var recipients = Delivered.All.Select(d => d.To.RecipientId).ToArray();
        Assert.Equal(People, recipients.Length);
        Assert.Equal(Enumerable.Range(0, People).Select(i => $"p{i:D2}"), recipients.Order());
    }

    private sealed class Gate(int parties)
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly HashSet<int> _arrived = [];

        public Task ArriveAndWaitAsync(int party)
        {
            lock (_arrived)
            {
                if (_arrived.Add(party) && _arrived.Count == parties)
                {
                    _open.SetResult();
                }
            }

            // A guard against a hang if a host never reaches a send, not a timing assertion.
            return _open.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}
