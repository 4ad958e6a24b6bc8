using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace BucketOperator.TestSupport;

/// <summary>
/// Keeps every formatted log line for assertions: the message, then the scopes it was written in (as
/// <c>=&gt; scope</c>, each scope's key/value pairs when it has them), then the exception with its stack.
/// </summary>
public sealed class ListLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _messages = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<string> Messages => [.. _messages];

    public ILogger CreateLogger(string categoryName) => new ListLogger(this);

    /// <summary>Called by the logger factory: scopes begun on any of its loggers arrive here.</summary>
    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private static void AppendScope(object? scope, StringBuilder line)
    {
        line.Append(" => ");
        if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            line.AppendJoin(' ', pairs.Select(p => $"{p.Key}={p.Value}"));
        }
        else
        {
            line.Append(scope);
        }
    }

    private sealed class ListLogger(ListLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new StringBuilder(formatter(state, exception));
            provider._scopes.ForEachScope(AppendScope, line);
            provider._messages.Enqueue(line.Append(' ').Append(exception).ToString());
        }
    }
}
