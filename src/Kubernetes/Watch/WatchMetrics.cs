using System.Diagnostics.Metrics;
using BucketOperator.Kubernetes.Diagnostics;
using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Kubernetes.Watch;

/// <summary>Instruments of the watch layer, on <see cref="RuntimeMeter.Meter"/>.</summary>
internal static class WatchMetrics
{
    /// <summary>Connections a <see cref="ResumingWatch{T}"/> opened after its first, tagged <c>resource</c> (plural.group).</summary>
    public static Counter<long> Restarts { get; } = RuntimeMeter.Meter.CreateCounter<long>(
        "latitude_operator_watch_restarts_total", unit: "{restart}", description: "Watch connections opened again after the previous one ended or failed.");

    /// <summary>The value of the <c>resource</c> tag: <c>plural</c> for the core group, else <c>plural.group</c>.</summary>
    public static string ResourceName(ResourceType resource) =>
        resource.Group.Length == 0 ? resource.Plural : $"{resource.Plural}.{resource.Group}";
}
