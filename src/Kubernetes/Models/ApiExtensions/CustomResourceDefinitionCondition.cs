namespace BucketOperator.Kubernetes.Models.ApiExtensions;

/// <summary>
/// apiextensions/v1 CustomResourceDefinitionCondition: unlike <see cref="Condition"/>, its reason, message and
/// lastTransitionTime are optional, and the server may omit them.
/// </summary>
public sealed record CustomResourceDefinitionCondition
{
    public required string Type { get; init; }

    /// <summary>"True", "False" or "Unknown".</summary>
    public required string Status { get; init; }

    public string? Reason { get; init; }

    public string? Message { get; init; }

    public DateTimeOffset? LastTransitionTime { get; init; }
}
