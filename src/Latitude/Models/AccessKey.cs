namespace BucketOperator.Latitude.Models;

/// <summary>An access key as listed (never with its secret). Keys have no ID: <see cref="Username"/> identifies one.</summary>
public sealed record AccessKey
{
    public required string Name { get; init; }

    /// <summary>The server-side user; what the delete call takes. Falls back to the name when the API omits it.</summary>
    public required string Username { get; init; }

    public string? AccessKeyId { get; init; }

    public string? Status { get; init; }

    public string StorageClass { get; init; } = StorageClasses.Standard;

    /// <summary>Site slug for high_performance keys; null for standard ones.</summary>
    public string? Region { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }
}

/// <summary>The 201 of <c>POST /storage/access_keys</c>: the only time the API shows the secret.</summary>
public sealed record CreatedAccessKey(AccessKey Key, S3Credentials Credentials);
