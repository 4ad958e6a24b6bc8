namespace BucketOperator.Kubernetes.Models;

/// <summary>metav1.ListMeta: the collection's resourceVersion and the token for the next page.</summary>
public sealed record ListMeta
{
    public string? ResourceVersion { get; init; }

    public string? Continue { get; init; }

    public long? RemainingItemCount { get; init; }
}
