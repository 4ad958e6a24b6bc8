using BucketOperator.Latitude.Models;
using BucketOperator.Operator.Status;

namespace BucketOperator.Operator.Reconciliation;

/// <summary>What looking for a bucket of the desired name found: one this object may take, none, or one it must not take (and why).</summary>
internal sealed record BucketLookup(Bucket? Bucket, ReadyState? Refusal)
{
    public static BucketLookup NotFound { get; } = new(null, null);

    public static BucketLookup Found(Bucket bucket) => new(bucket, null);

    public static BucketLookup Refused(ReadyState refusal) => new(null, refusal);
}
