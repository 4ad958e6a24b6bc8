using System.Text.Json.Serialization;

namespace BucketOperator.Kubernetes.Models;

/// <summary>metav1.Status: what the API server returns for failures (and for some deletes).</summary>
public sealed record Status
{
    public string? ApiVersion { get; init; }

    public string? Kind { get; init; }

    /// <summary>"Success" or "Failure".</summary>
    [JsonPropertyName("status")]
    public string? Outcome { get; init; }

    public string? Message { get; init; }

    /// <summary>Machine-readable cause, e.g. NotFound, AlreadyExists, Conflict, Expired, Gone.</summary>
    public string? Reason { get; init; }

    public StatusDetails? Details { get; init; }

    public int Code { get; init; }
}

public sealed record StatusDetails
{
    public string? Name { get; init; }

    public string? Group { get; init; }

    public string? Kind { get; init; }

    public string? Uid { get; init; }

    public IList<StatusCause>? Causes { get; init; }

    public int? RetryAfterSeconds { get; init; }
}

public sealed record StatusCause
{
    public string? Reason { get; init; }

    public string? Message { get; init; }

    public string? Field { get; init; }
}
