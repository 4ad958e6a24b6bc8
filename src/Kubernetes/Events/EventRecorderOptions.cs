namespace BucketOperator.Kubernetes.Events;

/// <summary>Who reports events and how repeats are folded into one Event.</summary>
public sealed record EventRecorderOptions
{
    /// <summary>The controller's name, written as <c>reportingComponent</c> and <c>source.component</c>, e.g. "latitude-bucket-operator". Required.</summary>
    public required string Component { get; init; }

    /// <summary>This process, written as <c>reportingInstance</c> (at most 128 characters). Default: the host name, which is the pod name in a cluster.</summary>
    public string Instance { get; init; } = Environment.MachineName;

    /// <summary>
    /// A repeat of an event within this time of its last occurrence bumps the existing Event's count; after a
    /// longer quiet spell the Event starts over at count 1. Default 10 minutes, as client-go's event correlator.
    /// </summary>
    public TimeSpan AggregationWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How many recent events are remembered, so repeats need no read before their write. Default 4096, as client-go.</summary>
    public int CacheSize { get; init; } = 4096;
}
