using System.Diagnostics.Metrics;

namespace BucketOperator.Kubernetes.Diagnostics;

/// <summary>
/// The one <see cref="Meter"/> of the runtime. Each component declares its own instruments on it (in its own
/// folder), tagged by the informer, queue or controller they belong to, so a process can export them all by
/// listening to <see cref="Name"/>.
/// </summary>
public static class RuntimeMeter
{
    public const string Name = "BucketOperator.Kubernetes";

    public static Meter Meter { get; } = new(Name);
}
