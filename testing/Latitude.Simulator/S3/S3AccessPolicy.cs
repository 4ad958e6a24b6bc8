using BucketOperator.Latitude.Simulator.State;

namespace BucketOperator.Latitude.Simulator.S3;

/// <summary>
/// What a key may do over S3, read from the simulator's state as the provider's bucket policies would have it
/// (s3rver only checks that a key is registered and the signature is right):
/// <list type="bullet">
/// <item>a <c>fullaccess</c> key: every bucket of its project;</item>
/// <item>a <c>limited_access</c> key: its <c>bucket_permissions</c> only, <c>readonly</c> ones for reads (GET, HEAD);</item>
/// <item>a key a seed-shape create response put on a bucket: that bucket, read and write;</item>
/// <item>s3rver's own account (<see cref="S3rverBackend.AdminKey"/>): everything, as the provider's operators.</item>
/// </list>
/// Any other key (never issued, or deleted) is unknown: InvalidAccessKeyId, as S3 answers; anonymous requests are denied.
/// </summary>
internal sealed class S3AccessPolicy(SimulatorState state)
{
    private static readonly S3Refusal UnknownKey = new("InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.");

    /// <param name="bucketName">The bucket the request addresses; null for the service (ListBuckets).</param>
    /// <returns>Null when the request may go on; otherwise what S3 answers.</returns>
    public S3Refusal? Check(string? accessKeyId, string? bucketName, bool write)
    {
        if (accessKeyId is null)
        {
            return Denied("anonymous requests are not allowed", bucketName);
        }

        if (accessKeyId == S3rverBackend.AdminKey)
        {
            return null;
        }

        var bucket = bucketName is null ? null : state.FindBucketByName(bucketName);
        if (state.FindAccessKey(accessKeyId) is { } key)
        {
            return key.AccessScope == "fullaccess"
                ? FullAccess(key, bucketName, bucket)
                : Limited(accessKeyId, key.Permissions, bucketName, bucket, write);
        }

        return state.BucketOfKey(accessKeyId) is { } bucketId
            ? Limited(accessKeyId, [(bucketId, "rw")], bucketName, bucket, write)
            : UnknownKey;
    }

    /// <summary>A bucket the simulator does not know (never created through the API) is left to s3rver: NoSuchBucket.</summary>
    private static S3Refusal? FullAccess(SimulatedAccessKey key, string? bucketName, SimulatedBucket? bucket) =>
        bucket is not null && bucket.ProjectId != key.ProjectId
            ? Denied($"key {key.AccessKeyId} is for project {key.ProjectId}, bucket {bucketName} is not", bucketName)
            : null;

    private static S3Refusal? Limited(string accessKeyId, IReadOnlyList<(string BucketId, string Permission)> permissions, string? bucketName, SimulatedBucket? bucket, bool write)
    {
        var permission = bucket is null ? null : permissions.FirstOrDefault(p => p.BucketId == bucket.Id).Permission;
        return permission switch
        {
            null => Denied($"key {accessKeyId} has no permission on {(bucketName is null ? "the bucket list" : "bucket " + bucketName)}", bucketName),
            "readonly" when write => Denied($"key {accessKeyId} may only read bucket {bucketName}", bucketName),
            _ => null,
        };
    }

    private static S3Refusal Denied(string why, string? bucketName) => new("AccessDenied", "Access Denied: " + why, BucketName: bucketName);
}
