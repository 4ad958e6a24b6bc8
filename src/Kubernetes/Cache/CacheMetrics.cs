using System.Diagnostics.Metrics;
using BucketOperator.Kubernetes.Diagnostics;

namespace BucketOperator.Kubernetes.Cache;

/// <summary>Instruments of every informer, tagged <c>resource</c> (plural.group).</summary>
internal static class CacheMetrics
{
    public static readonly Counter<long> Relists = RuntimeMeter.Meter.CreateCounter<long>(
        "latitude_operator_informer_relists_total", description: "Full lists of a resource: the first one and every one after the watch history was lost or the watch failed.");

    public static readonly Counter<long> Events = RuntimeMeter.Meter.CreateCounter<long>(
        "latitude_operator_informer_events_total", description: "Notifications delivered to handlers, by type (add, update, delete, resync).");

    public static readonly Counter<long> HandlerErrors = RuntimeMeter.Meter.CreateCounter<long>(
        "latitude_operator_informer_handler_errors_total", description: "Exceptions thrown by event handlers (caught and logged).");

    public static readonly UpDownCounter<long> CachedObjects = RuntimeMeter.Meter.CreateUpDownCounter<long>(
        "latitude_operator_informer_cached_objects", description: "Objects in the informer caches.");
}
