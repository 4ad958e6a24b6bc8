namespace BucketOperator.Entities;

/// <summary>Values of <see cref="ObjectBucketSpec.DeletionPolicy"/>: what happens to the Latitude bucket when the resource is deleted.</summary>
public static class DeletionPolicies
{
    /// <summary>The bucket and its keys stay in Latitude (the default: deleting a resource never loses data by surprise).</summary>
    public const string Retain = "Retain";

    /// <summary>The bucket is deleted, then its access keys.</summary>
    public const string Delete = "Delete";
}
