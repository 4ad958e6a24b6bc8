namespace BucketOperator.Kubernetes.Models;

/// <summary>metav1.OwnerReference: lets the garbage collector delete dependents with their owner.</summary>
public sealed record OwnerReference
{
    public required string ApiVersion { get; init; }

    public required string Kind { get; init; }

    public required string Name { get; init; }

    public required string Uid { get; init; }

    public bool? Controller { get; init; }

    public bool? BlockOwnerDeletion { get; init; }
}
