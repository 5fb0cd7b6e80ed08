using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RolePlay.Testing.Logging;

/// <summary>Keeps what a host logs at Information and above, with the scopes around each line, so tests can prove
/// background work did not fail silently, that the client's faults are not logged as the bot's, and which request a
/// line belongs to.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider? _scopes;

    public sealed record Entry(LogLevel Level, string Category, string Message, Exception? Exception, IReadOnlyList<object?> Scopes)
    {
        /// <summary>A value named in one of the line's scopes (a structured scope's key), or null.</summary>
        public object? Scoped(string name) => Scopes.OfType<IEnumerable<KeyValuePair<string, object?>>>()
            .SelectMany(scope => scope).FirstOrDefault(pair => pair.Key == name).Value;
    }

    public ConcurrentQueue<Entry> Entries { get; } = new();

    /// <summary>Errors and worse, each as one line with its exception.</summary>
    public IReadOnlyList<string> Errors =>
        Entries.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Category}: {e.Message} {e.Exception}").ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                var scopes = new List<object?>();
                provider._scopes?.ForEachScope((scope, list) => list.Add(scope), scopes);
                provider.Entries.Enqueue(new Entry(logLevel, category, formatter(state, exception), exception, scopes));
            }
        }
    }
}
