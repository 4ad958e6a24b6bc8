namespace BucketOperator.Latitude.Models;

/// <summary>Attributes of <c>POST /storage/access_keys</c>.</summary>
public sealed record CreateAccessKeyRequest
{
    public required string Project { get; init; }

    public required string StorageClass { get; init; }

    /// <summary>Normalised by the server (lowercased, special characters to hyphens).</summary>
    public required string Name { get; init; }

    /// <summary><see cref="AccessScopes.Full"/> or <see cref="AccessScopes.Limited"/> (then <see cref="BucketPermissions"/> is required).</summary>
    public required string AccessScope { get; init; }

    public required string Region { get; init; }

    public IReadOnlyList<BucketPermission>? BucketPermissions { get; init; }

    /// <summary>A key that can read and write one bucket only, what the operator hands to an application.</summary>
    public static CreateAccessKeyRequest ForBucket(string project, Bucket bucket, string name, string region) => new()
    {
        Project = project,
        StorageClass = bucket.StorageClass,
        Name = name,
        AccessScope = AccessScopes.Limited,
        Region = region,
        BucketPermissions = [new BucketPermission(bucket.Id, BucketPermission.ReadWrite)],
    };
}

public sealed record BucketPermission(string BucketId, string Permission)
{
    public const string ReadOnly = "readonly";
    public const string ReadWrite = "rw";
}

public static class AccessScopes
{
    public const string Full = "fullaccess";
    public const string Limited = "limited_access";
}
