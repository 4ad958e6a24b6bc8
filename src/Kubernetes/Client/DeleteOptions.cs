namespace BucketOperator.Kubernetes.Client;

/// <summary>What happens to dependents when an object is deleted.</summary>
public enum PropagationPolicy
{
    Background,
    Foreground,
    Orphan,
}

/// <summary>metav1.DeleteOptions, sent as the DELETE body.</summary>
public sealed record DeleteOptions
{
    public string ApiVersion { get; init; } = "v1";

    public string Kind { get; init; } = "DeleteOptions";

    /// <summary>Null lets the server use the kind's default (background for most).</summary>
    public string? PropagationPolicy { get; init; }

    public long? GracePeriodSeconds { get; init; }

    /// <summary>The delete fails with 409 Conflict unless the object still has this UID/resourceVersion.</summary>
    public Preconditions? Preconditions { get; init; }

    public static DeleteOptions WithPropagation(PropagationPolicy policy) => new() { PropagationPolicy = policy.ToString() };
}

public sealed record Preconditions(string? Uid = null, string? ResourceVersion = null);
