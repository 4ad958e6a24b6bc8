using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using BucketOperator.Kubernetes.Diagnostics;

namespace BucketOperator.Kubernetes.Queue;

/// <summary>
/// The work queue instruments, named as client-go's so existing dashboards apply; every measurement carries the
/// queue's name as tag <c>name</c>.
/// </summary>
internal static class QueueMetrics
{
    // Weak, so a queue nobody holds any more stops being reported instead of being kept alive by its gauges.
    private static readonly ConditionalWeakTable<IObservedQueue, string> Observed = [];

    public static Counter<long> Adds { get; } = RuntimeMeter.Meter.CreateCounter<long>(
        "workqueue_adds_total", description: "Keys added to a work queue; adding a key that is already waiting does not count.");

    public static Counter<long> Retries { get; } = RuntimeMeter.Meter.CreateCounter<long>(
        "workqueue_retries_total", description: "Delayed and rate-limited adds (AddAfter, AddRateLimited).");

    public static Histogram<double> QueueDuration { get; } = RuntimeMeter.Meter.CreateHistogram<double>(
        "workqueue_queue_duration_seconds", "s", "How long a key waited in the queue before a worker took it.");

    public static Histogram<double> WorkDuration { get; } = RuntimeMeter.Meter.CreateHistogram<double>(
        "workqueue_work_duration_seconds", "s", "How long a worker held a key, from taking it to Done.");

    public static ObservableGauge<long> Depth { get; } = RuntimeMeter.Meter.CreateObservableGauge(
        "workqueue_depth",
        () => Observed.Select(queue => new Measurement<long>(queue.Key.Depth, Tag(queue.Value))),
        description: "Keys waiting for a worker.");

    public static ObservableGauge<double> LongestRunningProcessor { get; } = RuntimeMeter.Meter.CreateObservableGauge(
        "workqueue_longest_running_processor_seconds",
        () => Observed.Select(queue => new Measurement<double>(queue.Key.LongestRunning.TotalSeconds, Tag(queue.Value))),
        "s",
        "How long the longest-running worker has held its key; a value that keeps growing points at a stuck reconcile.");

    public static KeyValuePair<string, object?> Tag(string queueName) => new("name", queueName);

    public static void Observe(IObservedQueue queue, string name) => Observed.AddOrUpdate(queue, name);
}
