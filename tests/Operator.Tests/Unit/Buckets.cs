using BucketOperator.Entities;
using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Operator.Tests.Unit;

/// <summary>ObjectBuckets as the operator reads them from the server: named, namespaced, with a UID.</summary>
internal static class Buckets
{
    public const string Project = "proj_6059EqYkOQj8p";

    public static ObjectBucket New(ObjectBucketSpec? spec = null, string name = "team-assets", ObjectBucketStatus? status = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "team-a", Uid = "0b1c2d3e-0000-4000-8000-000000000001" },
        Spec = spec ?? new ObjectBucketSpec { Region = "DAL" },
        Status = status,
    };
}
