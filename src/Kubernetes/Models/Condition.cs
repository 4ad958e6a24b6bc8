namespace BucketOperator.Kubernetes.Models;

/// <summary>
/// metav1.Condition, the standard shape of <c>status.conditions[]</c>. The API convention (and every CRD schema
/// generated from it) requires reason, message and lastTransitionTime, so they are required here too: a status
/// write cannot be rejected for a missing one, and reading a condition without one fails loudly. Other kinds'
/// condition types with optional fields (e.g. a CRD's own status) have their own records.
/// </summary>
public sealed record Condition
{
    public required string Type { get; init; }

    /// <summary>"True", "False" or "Unknown".</summary>
    public required string Status { get; init; }

    /// <summary>A CamelCase cause for the status, e.g. "Available".</summary>
    public required string Reason { get; init; }

    /// <summary>
    /// Detail for humans, never absent. The convention allows an empty one, but give text: some API servers (the
    /// project's 1.20 test server among them) reject every empty string in a custom resource as "null".
    /// </summary>
    public required string Message { get; init; }

    /// <summary>The <c>metadata.generation</c> this condition was computed from; null when not tracked.</summary>
    public long? ObservedGeneration { get; init; }

    /// <summary>When <see cref="Status"/> last changed (the server keeps whole seconds).</summary>
    public required DateTimeOffset LastTransitionTime { get; init; }
}
