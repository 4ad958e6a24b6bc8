namespace BucketOperator.Latitude.Models;

/// <summary>Attributes of <c>POST /storage/buckets</c>. Null fields are not sent, so the API applies its defaults.</summary>
public sealed record CreateBucketRequest
{
    /// <summary>Project ID (<c>proj_…</c>) or slug.</summary>
    public required string Project { get; init; }

    public required string Name { get; init; }

    /// <summary>Site slug, e.g. DAL.</summary>
    public required string Region { get; init; }

    public string? StorageClass { get; init; }

    public bool? Versioning { get; init; }

    public bool? Locking { get; init; }

    public string? RetentionMode { get; init; }

    public long? RetentionPeriod { get; init; }

    public bool? Scoped { get; init; }

    public string? Customer { get; init; }
}
