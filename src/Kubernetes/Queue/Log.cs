using Microsoft.Extensions.Logging;

namespace BucketOperator.Kubernetes.Queue;

/// <summary>Log messages of the work queue: EventIds 2000–2099.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Debug, Message = "Work queue {Queue} shutting down (drain: {Drain}) with {Queued} keys queued and {Processing} being processed")]
    public static partial void ShuttingDown(ILogger logger, string queue, bool drain, int queued, int processing);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Work queue {Queue} drained: no key queued or being processed")]
    public static partial void Drained(ILogger logger, string queue);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Work queue {Queue} ignored Done({Key}): the key was not being processed")]
    public static partial void DoneWithoutGet(ILogger logger, string queue, object key);
}
