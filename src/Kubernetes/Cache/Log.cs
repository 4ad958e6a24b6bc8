using Microsoft.Extensions.Logging;

namespace BucketOperator.Kubernetes.Cache;

/// <summary>Informer logs, EventIds 3000–3099.</summary>
internal static partial class Log
{
    [LoggerMessage(3000, LogLevel.Debug, "Listed {Resource}: {Count} object(s) at resourceVersion {ResourceVersion} in {Pages} page(s)")]
    public static partial void Listed(ILogger logger, string resource, int count, string? resourceVersion, int pages);

    [LoggerMessage(3001, LogLevel.Information, "Watch history of {Resource} lost ({Message}); relisting")]
    public static partial void HistoryLost(ILogger logger, string resource, string message);

    [LoggerMessage(3002, LogLevel.Warning, "List or watch of {Resource} failed; relisting in {Delay}")]
    public static partial void ListWatchFailed(ILogger logger, Exception exception, string resource, TimeSpan delay);

    [LoggerMessage(3003, LogLevel.Information, "List continue token of {Resource} expired; listing again from the start")]
    public static partial void ContinueExpired(ILogger logger, string resource);

    [LoggerMessage(3004, LogLevel.Error, "Event handler of {Resource} threw on {Notification} of {Key}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string resource, string notification, string key);

    [LoggerMessage(3005, LogLevel.Information, "Cache of {Resource} synced with {Count} object(s)")]
    public static partial void Synced(ILogger logger, string resource, int count);
}
