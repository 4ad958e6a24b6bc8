using System.Diagnostics.Metrics;
using BucketOperator.Kubernetes.Diagnostics;

namespace BucketOperator.Kubernetes.LeaderElection;

/// <summary>Leader election instruments, tagged <c>name</c> = the Lease's name (as client-go's leader election metrics).</summary>
internal static class LeaderElectionMetrics
{
    public static Gauge<int> MasterStatus { get; } = RuntimeMeter.Meter.CreateGauge<int>(
        "leader_election_master_status",
        description: "1 while this process leads through the Lease, 0 while it is a candidate.");

    public static Counter<long> Transitions { get; } = RuntimeMeter.Meter.CreateCounter<long>(
        "leader_election_transitions_total",
        description: "Changes of the Lease's holder seen by this process (its own acquisitions included; releases and first sight not).");

    public static KeyValuePair<string, object?> NameTag(string leaseName) => new("name", leaseName);
}
