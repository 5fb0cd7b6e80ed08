using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RolePlay.Slack.Tests.Infrastructure;

/// <summary>Keeps every error logged by the host, so tests can prove background work did not fail silently.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Errors { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Errors.Enqueue($"{category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
