namespace BucketOperator.Kubernetes.Models.Coordination;

/// <summary>coordination.k8s.io/v1 Lease, the lock used for leader election.</summary>
public sealed record Lease : IKubernetesObject<Lease>
{
    public static ResourceType Resource { get; } = new("coordination.k8s.io", "v1", "leases", "Lease", Namespaced: true);

    public string? ApiVersion { get; set; } = "coordination.k8s.io/v1";

    public string? Kind { get; set; } = "Lease";

    public ObjectMeta Metadata { get; set; } = new();

    public LeaseSpec? Spec { get; set; }
}

public sealed record LeaseSpec
{
    public string? HolderIdentity { get; set; }

    public int? LeaseDurationSeconds { get; set; }

    /// <summary>MicroTime: RFC 3339 with microseconds.</summary>
    public DateTimeOffset? AcquireTime { get; set; }

    public DateTimeOffset? RenewTime { get; set; }

    public int? LeaseTransitions { get; set; }
}
