using System.Diagnostics.Metrics;
using BucketOperator.Kubernetes.Diagnostics;

namespace BucketOperator.Kubernetes.Events;

/// <summary>Event recorder instruments, tagged with the event's <c>type</c> and <c>reason</c>.</summary>
internal static class EventMetrics
{
    public static Counter<long> Written { get; } = RuntimeMeter.Meter.CreateCounter<long>(
        "kubernetes.events.written", "{event}", "Events written to the API server, new or counted as a repeat.");

    public static Counter<long> Failed { get; } = RuntimeMeter.Meter.CreateCounter<long>(
        "kubernetes.events.failed", "{event}", "Events that could not be written; they are logged and dropped.");
}
