using System.Diagnostics.Metrics;

namespace BucketOperator.Operator.Diagnostics;

/// <summary>The operator's own meter (ObjectBuckets by state, the process); the runtime and the Latitude client have theirs.</summary>
public static class OperatorMeter
{
    public const string Name = "BucketOperator.Operator";

    public static Meter Meter { get; } = new(Name);

    /// <summary>Every meter <c>/metrics</c> exports.</summary>
    public static IReadOnlyCollection<string> Exported { get; } = [Name, Kubernetes.Diagnostics.RuntimeMeter.Name, Latitude.LatitudeMetrics.MeterName];
}
