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
    public static CreateAccessKeyRequest ForBucket(string project, Bucket bucket, string name, string region) =>
        ForBuckets(project, bucket.StorageClass, name, region, [BucketPermission.ReadWriteOn(bucket.Id)]);

    /// <summary>
    /// A <c>limited_access</c> key to several buckets, each <see cref="BucketPermission.ReadOnly"/> or
    /// <see cref="BucketPermission.ReadWrite"/>: what an access grant hands to an application. A key belongs to one
    /// storage class, so every bucket must be of <paramref name="storageClass"/>. The API answers 422
    /// INVALID_BUCKET_ID (<see cref="Errors.LatitudeErrorKind.Validation"/>) when a bucket is unknown or belongs to
    /// another project; what can be told without a call is checked here.
    /// </summary>
    /// <exception cref="ArgumentException">No permission, a permission other than readonly or rw, or a bucket listed twice.</exception>
    public static CreateAccessKeyRequest ForBuckets(string project, string storageClass, string name, string region, IReadOnlyCollection<BucketPermission> permissions)
    {
        if (permissions.Count == 0)
        {
            throw new ArgumentException("a limited_access key needs at least one bucket permission", nameof(permissions));
        }

        if (permissions.FirstOrDefault(p => p.Permission is not (BucketPermission.ReadOnly or BucketPermission.ReadWrite)) is { } odd)
        {
            throw new ArgumentException($"bucket {odd.BucketId}: permission '{odd.Permission}' is neither readonly nor rw", nameof(permissions));
        }

        if (permissions.GroupBy(p => p.BucketId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            // Two entries for one bucket leave which permission wins to the API.
            throw new ArgumentException($"bucket {twice.Key} is listed more than once", nameof(permissions));
        }

        return new CreateAccessKeyRequest
        {
            Project = project,
            StorageClass = storageClass,
            Name = name,
            AccessScope = AccessScopes.Limited,
            Region = region,
            BucketPermissions = [.. permissions],
        };
    }
}

/// <summary>One entry of <c>bucket_permissions</c>: a bucket ID and <see cref="ReadOnly"/> or <see cref="ReadWrite"/>.</summary>
public sealed record BucketPermission(string BucketId, string Permission)
{
    public const string ReadOnly = "readonly";
    public const string ReadWrite = "rw";

    public static BucketPermission ReadOnlyOn(string bucketId) => new(bucketId, ReadOnly);

    public static BucketPermission ReadWriteOn(string bucketId) => new(bucketId, ReadWrite);
}

public static class AccessScopes
{
    public const string Full = "fullaccess";
    public const string Limited = "limited_access";
}
