namespace BucketOperator.Latitude.Models;

/// <summary>One day's stored bytes of a bucket: a row of <c>GET /storage/usage</c> (object-storage.md §4.1).</summary>
public sealed record BucketUsage
{
    /// <summary>Canonical usage for <see cref="Date"/>.</summary>
    public required long Bytes { get; init; }

    /// <summary>The day the row covers.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>
    /// The provider's internal number for the storage, as the row names it; not the <c>bkt_</c> ID, and absent from
    /// the documented example, so null when the row has none.
    /// </summary>
    public string? StorageId { get; init; }

    /// <summary>Provider-style region, e.g. <c>us-east-1</c>.</summary>
    public string? Region { get; init; }

    /// <summary><c>standard</c> or <c>high</c> (not <c>high_performance</c>); the API may send null.</summary>
    public string? Tier { get; init; }

    /// <summary>When the provider's figure was taken in.</summary>
    public DateTimeOffset? IngestedAt { get; init; }
}
