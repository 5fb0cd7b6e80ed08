using System.Collections.Concurrent;
using RolePlay.Core.Chat;
namespace RolePlay.Slack.Tests.Infrastructure;

/// <summary>A test double for the lead's router (not built yet): records each event and answers with a scripted result.</summary>
public sealed class RecordingRouter : IConversationRouter
{
    public ConcurrentQueue<IncomingEvent> Events { get; } = new();

    public Func<IncomingEvent, RouterResult> Answer { get; set; } = _ => RouterResult.Nothing;

    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    /// <summary>Runs inside the router call, after the event is recorded: a test can hold one event there.</summary>
    public Func<IncomingEvent, Task> Hold { get; set; } = _ => Task.CompletedTask;

    public async Task<RouterResult> HandleAsync(IncomingEvent incoming, CancellationToken cancellationToken)
    {
        Events.Enqueue(incoming);
        await Hold(incoming);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        return Answer(incoming);
    }

    public async Task<T> WaitForAsync<T>(int count = 1) where T : IncomingEvent
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTimeOffset.UtcNow < deadline)
        {
            var matching = Events.OfType<T>().ToList();
            if (matching.Count >= count)
            {
                return matching[count - 1];
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"The router did not see {count} {typeof(T).Name}; it saw {Events.Count} event(s).");
    }
}
