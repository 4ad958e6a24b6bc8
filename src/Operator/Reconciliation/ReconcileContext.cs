using BucketOperator.Entities;
using BucketOperator.Kubernetes.Models.Core;
using BucketOperator.Latitude;

namespace BucketOperator.Operator.Reconciliation;

/// <summary>One reconcile's view of the world, handed from step to step; <see cref="Bucket"/> advances with each status write.</summary>
internal sealed class ReconcileContext(ObjectBucket bucket, DesiredBucket desired, string token, ILatitudeClient latitude)
{
    public ObjectBucket Bucket { get; set; } = bucket;

    public DesiredBucket Desired { get; } = desired;

    public string Token { get; } = token;

    public ILatitudeClient Latitude { get; } = latitude;

    /// <summary>The connection Secret as last read or written; null when it does not exist.</summary>
    public Secret? Secret { get; set; }

    /// <summary>Set when this reconcile wrote the Secret, so its credentials must be proven over S3 before Ready.</summary>
    public bool SecretWritten { get; set; }

    public string Project => Desired.Project!;

    /// <summary>The deterministic name of the bucket-scoped access keys issued for this object.</summary>
    public string AccessKeyName => "lob-" + Bucket.Metadata.Uid;
}
