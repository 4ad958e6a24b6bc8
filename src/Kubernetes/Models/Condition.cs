namespace BucketOperator.Kubernetes.Models;

/// <summary>metav1.Condition, the standard shape of <c>status.conditions[]</c>.</summary>
public sealed record Condition
{
    public required string Type { get; init; }

    /// <summary>"True", "False" or "Unknown".</summary>
    public required string Status { get; init; }

    public string? Reason { get; init; }

    public string? Message { get; init; }

    public long? ObservedGeneration { get; init; }

    public DateTimeOffset? LastTransitionTime { get; init; }
}
