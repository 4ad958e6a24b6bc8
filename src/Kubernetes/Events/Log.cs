using Microsoft.Extensions.Logging;

namespace BucketOperator.Kubernetes.Events;

/// <summary>Event recorder log messages (event IDs 5000–5099).</summary>
internal static partial class Log
{
    [LoggerMessage(5000, LogLevel.Debug, "Event {Type} {Reason} on {Kind} {Namespace}/{Name} recorded as {Event} (count {Count})")]
    public static partial void Recorded(ILogger logger, EventType type, string reason, string kind, string? @namespace, string? name, string @event, int count);

    [LoggerMessage(5001, LogLevel.Warning, "Event {Type} {Reason} on {Kind} {Namespace}/{Name} was dropped")]
    public static partial void Dropped(ILogger logger, Exception exception, EventType type, string reason, string kind, string? @namespace, string? name);
}
