using Microsoft.Extensions.Logging.Abstractions;

namespace RolePlay.Channels.Tests;

public sealed class ConversationOutboxTests
{
    [Fact]
    public async Task A_conversations_replies_leave_in_order_one_at_a_time_while_another_conversation_goes_on()
    {
        using var outbox = new ConversationOutbox(NullLogger<ConversationOutbox>.Instance);
        var held = new TaskCompletionSource();
        var sent = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var running = 0;
        var overlapped = false;

        async Task Send(string what, Task? wait = null)
        {
            overlapped |= Interlocked.Increment(ref running) > 1 && what.StartsWith('a');
            await (wait ?? Task.CompletedTask);
            sent.Enqueue(what);
            Interlocked.Decrement(ref running);
        }

        Assert.True(outbox.TryHandOver("slow", "a1", _ => Send("a1", held.Task)));
        for (var i = 2; i <= 20; i++)
        {
            var name = $"a{i}";
            Assert.True(outbox.TryHandOver("slow", name, _ => Send(name)));
        }

        Assert.True(outbox.TryHandOver("other", "b1", _ => Send("b1")));
        await WaitForAsync(() => sent.Contains("b1"));
        Assert.DoesNotContain("a1", sent); // the other conversation did not wait for the held one
        Assert.Equal(21, outbox.Pending + sent.Count);

        held.SetResult();
        await WaitForAsync(() => outbox.Pending == 0);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"a{i}"), sent.Where(s => s[0] == 'a'));
        Assert.False(overlapped);
    }

    [Fact]
    public async Task A_failing_reply_does_not_stop_the_ones_after_it_and_idle_conversations_are_forgotten()
    {
        using var outbox = new ConversationOutbox(NullLogger<ConversationOutbox>.Instance);
        var sent = 0;
        outbox.TryHandOver("c", "boom", _ => throw new InvalidOperationException("boom"));
        outbox.TryHandOver("c", "after", _ => { Interlocked.Increment(ref sent); return Task.CompletedTask; });
        await WaitForAsync(() => outbox.Pending == 0);
        Assert.Equal(1, sent);

        for (var i = 0; i < 600; i++)
        {
            outbox.TryHandOver($"conversation-{i}", "x", _ => Task.CompletedTask);
            await WaitForAsync(() => outbox.Pending == 0);
        }

        Assert.InRange(outbox.ConversationCount, 1, 600 - 256); // swept every 256 hand-overs
    }

    [Fact]
    public async Task Stopping_finishes_what_is_queued_then_refuses_new_replies()
    {
        using var outbox = new ConversationOutbox(NullLogger<ConversationOutbox>.Instance);
        var sent = 0;
        for (var i = 0; i < 5; i++)
        {
            outbox.TryHandOver("c", "x", async ct => { await Task.Delay(20, ct); Interlocked.Increment(ref sent); });
        }

        await outbox.StopAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);

        Assert.Equal(5, sent);
        Assert.False(outbox.TryHandOver("c", "late", _ => Task.CompletedTask));
    }

    /// <summary>A request's trace and logging scope flow through AsyncLocal values; each reply must see its own
    /// request's, not the one that happened to start the conversation's queue.</summary>
    [Fact]
    public async Task Each_reply_runs_in_the_context_it_was_handed_over_in()
    {
        using var outbox = new ConversationOutbox(NullLogger<ConversationOutbox>.Instance);
        var seen = new System.Collections.Concurrent.ConcurrentQueue<string?>();
        var held = new TaskCompletionSource();

        Current.Value = "first request";
        Assert.True(outbox.TryHandOver("c", "first", async _ =>
        {
            await held.Task;
            seen.Enqueue(Current.Value);
        }));
        Current.Value = "second request";
        Assert.True(outbox.TryHandOver("c", "second", _ =>
        {
            seen.Enqueue(Current.Value);
            return Task.CompletedTask;
        }));
        Current.Value = null;
        held.SetResult();
        await WaitForAsync(() => outbox.Pending == 0);

        Assert.Equal(["first request", "second request"], seen);
    }

    private static readonly AsyncLocal<string?> Current = new();

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        Assert.True(condition());
    }
}
