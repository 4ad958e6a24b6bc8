using BucketOperator.Entities;
using BucketOperator.Latitude;

namespace BucketOperator.Operator.Reconciliation;

/// <summary>One reconcile's view of the world, handed from step to step; <see cref="Bucket"/> advances with each status write.</summary>
internal sealed class ReconcileContext(ObjectBucket bucket, DesiredBucket desired, ResolvedToken token, ILatitudeClient latitude)
{
    public ObjectBucket Bucket { get; set; } = bucket;

    public DesiredBucket Desired { get; } = desired;

    public ResolvedToken Resolved { get; } = token;

    public ILatitudeClient Latitude { get; } = latitude;

    /// <summary>The connection Secret as last read or written; null when it does not exist.</summary>
    public V1Secret? Secret { get; set; }

    /// <summary>Set once <see cref="Secret"/> was read from the API server rather than the cache.</summary>
    public bool SecretReadLive { get; set; }

    /// <summary>Set when this reconcile wrote the Secret, so its credentials must be proven over S3 before Ready.</summary>
    public bool SecretWritten { get; set; }

    public string Project => Desired.Project!;

    /// <summary>How the names of the bucket-scoped access keys issued for this object begin: deterministic, from its UID.</summary>
    /// <remarks>Made once: it is compared with every key of the project's list, on every pass.</remarks>
    public string AccessKeyPrefix { get; } = "lob-" + bucket.Metadata.Uid;
}
