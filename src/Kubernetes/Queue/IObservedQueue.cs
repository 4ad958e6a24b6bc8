namespace BucketOperator.Kubernetes.Queue;

/// <summary>What the queue gauges read from a live queue when metrics are collected.</summary>
internal interface IObservedQueue
{
    /// <summary>Keys waiting for a worker, including keys being processed that must run again after <c>Done</c>.</summary>
    long Depth { get; }

    /// <summary>How long the oldest key still being processed has been held by its worker; zero when idle.</summary>
    TimeSpan LongestRunning { get; }
}
