using BucketOperator.Entities.Schema;
using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Entities;

/// <summary>
/// What the operator knows about the bucket. The fields recorded at creation (bucket name, project, region,
/// storage class, object lock) are what immutability is checked against on servers that ignore CEL rules.
/// </summary>
public sealed record ObjectBucketStatus
{
    [Description("The metadata.generation this status describes.")]
    public long? ObservedGeneration { get; init; }

    [Description("Latitude bucket ID.")]
    public string? BucketId { get; init; }

    [Description("S3 bucket name the Latitude API returned.")]
    public string? BucketName { get; init; }

    [Description("The spec.bucketName the bucket was created or adopted for; what its immutability is checked against (the API may return another S3 name).")]
    public string? RequestedBucketName { get; init; }

    [Description("Latitude project ID or slug the bucket was created in.")]
    public string? Project { get; init; }

    [Description("S3 endpoint URL.")]
    public string? Endpoint { get; init; }

    [Description("Latitude site slug of the bucket.")]
    public string? Region { get; init; }

    [Description("Storage tier of the bucket.")]
    public string? StorageClass { get; init; }

    [Description("Whether S3 object versioning is on.")]
    public bool? Versioning { get; init; }

    [Description("Object Lock settings of the bucket.")]
    public ObjectLockStatus? ObjectLock { get; init; }

    [Description("The Secret holding the connection details.")]
    public string? SecretName { get; init; }

    [Description("Public half of the S3 credentials in the Secret.")]
    public string? AccessKeyId { get; init; }

    [Description("Latitude username of the bucket-scoped access key the operator issued (what deleting it takes); absent when the credentials came with the bucket.")]
    public string? AccessKeyUsername { get; init; }

    [Description("When the Latitude API created the bucket.")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>
    /// Set just before the create call and cleared once its outcome is known. If the operator finds it set,
    /// a create may have happened without it seeing the answer: it looks the bucket up by name and adopts it
    /// as its own instead of creating a second one or reporting a name conflict.
    /// </summary>
    [Description("When a create call was sent whose outcome is not known yet. While set, a bucket of this name in the project is taken to be this resource's own.")]
    public DateTimeOffset? CreatePending { get; init; }

    [Description("The bucket's lifecycle rules in Latitude, by name, with their Latitude IDs.")]
    [ListMapKeys("name")]
    public IList<LifecycleRuleStatus>? LifecycleRules { get; init; }

    [Description("Latest observations of the bucket's state; the Ready condition always exists.")]
    [ListMapKeys("type")]
    public IList<Condition>? Conditions { get; init; }
}
