namespace BucketOperator.Latitude.Models;

/// <summary>A bucket as the API reports it, normalised across API versions.</summary>
public sealed record Bucket
{
    /// <summary>Opaque ID: <c>bkt_…</c> today, <c>bucket_…</c> in older API versions.</summary>
    public required string Id { get; init; }

    /// <summary>The name given at creation (the API's display name).</summary>
    public required string Name { get; init; }

    /// <summary>The S3 bucket name; may differ from <see cref="Name"/>.</summary>
    public required string BucketName { get; init; }

    public string? Endpoint { get; init; }

    public string StorageClass { get; init; } = StorageClasses.Standard;

    /// <summary>Site slug (e.g. DAL), from <c>region.id</c>.</summary>
    public string? Region { get; init; }

    public bool Versioning { get; init; }

    public bool Locking { get; init; }

    public string RetentionMode { get; init; } = "NONE";

    public long? RetentionPeriodDays { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>"default" (created through the API) or "synchronized" (imported from the storage provider).</summary>
    public string? Source { get; init; }

    public string? ProjectId { get; init; }

    public string? ProjectSlug { get; init; }

    /// <summary>Keys on the bucket itself: only the seed API version returns them, and only on create.</summary>
    public S3Credentials? Credentials { get; init; }

    /// <summary>Whether this bucket is the one named <paramref name="name"/> (display or S3 name), as Terraform matches.</summary>
    public bool IsNamed(string name) => Name == name || BucketName == name;
}
