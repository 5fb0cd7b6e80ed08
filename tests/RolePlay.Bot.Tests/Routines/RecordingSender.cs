using System.Collections.Concurrent;
using RolePlay.Core;
using RolePlay.Core.Chat;
using RolePlay.Core.Routines;

namespace RolePlay.Bot.Tests.Routines;

/// <summary>What reached a person or channel: one entry per accepted send.</summary>
internal sealed record Delivered(string Platform, RoutineTarget To, IReadOnlyList<Outgoing> Messages, DateTimeOffset At)
{
    public IEnumerable<string> CardIds => Messages.OfType<CardOut>().Select(c => c.Card.Id);
}

/// <summary>Everything the platforms accepted, across every sender (and every host) of a test.</summary>
internal sealed class DeliveredLog
{
    private readonly ConcurrentQueue<Delivered> _all = new();

    public IReadOnlyList<Delivered> All => _all.ToArray();

    public void Add(Delivered delivered) => _all.Enqueue(delivered);

    public IReadOnlyList<Delivered> To(string recipientId) => All.Where(d => d.To.RecipientId == recipientId).ToArray();
}

/// <summary>Stands for a platform's proactive send: accepts a message (records it) or answers as the platform would —
/// a 429 with Retry-After, a blocked user — as scripted per call. A script that throws is a host crashing mid-send:
/// nothing was delivered.</summary>
internal sealed class RecordingSender(string platform, DeliveredLog log, TimeProvider clock,
    Func<RoutineTarget, int, Task<ProactiveOutcome?>>? script = null) : IProactiveSender
{
    private int _calls;

    public Platform Platform => platform;

    public int Calls => _calls;

    public async Task<ProactiveOutcome> SendAsync(RoutineTarget to, IReadOnlyList<Outgoing> messages, CancellationToken ct)
    {
        var call = Interlocked.Increment(ref _calls);
        if (script is not null && await script(to, call) is { } scripted)
        {
            return scripted;
        }

        log.Add(new Delivered(platform, to, messages, clock.GetUtcNow()));
        return new ProactiveOutcome.Sent($"msg-{call}");
    }
}

/// <summary>Log lines, so a test can count what was logged (one line per skipped range, not per person).</summary>
internal sealed class CapturedLogs : Microsoft.Extensions.Logging.ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Logger(_lines);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<string> lines) : Microsoft.Extensions.Logging.ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state,
            Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
    }
}
