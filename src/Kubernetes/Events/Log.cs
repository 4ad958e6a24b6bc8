using Microsoft.Extensions.Logging;

namespace BucketOperator.Kubernetes.Events;

/// <summary>Event recorder log messages (event IDs 5000–5099).</summary>
internal static partial class Log
{
    /// <summary>Every Event also goes to the log (as client-go's broadcaster does), Warning Events as warnings, so the log alone tells the story.</summary>
    [LoggerMessage(EventId = 5000, Message = "Event {Type} {Reason} on {Kind} {Namespace}/{Name}: {EventMessage} (count {Count})")]
    public static partial void Recorded(ILogger logger, LogLevel level, EventType type, string reason, string kind, string? @namespace, string? name, string eventMessage, int count);

    [LoggerMessage(5001, LogLevel.Warning, "Event {Type} {Reason} on {Kind} {Namespace}/{Name} was dropped")]
    public static partial void Dropped(ILogger logger, Exception exception, EventType type, string reason, string kind, string? @namespace, string? name);
}
