namespace BucketOperator.Entities;

/// <summary>Values of <see cref="ObjectBucketSpec.StorageClass"/>: the Latitude storage tier.</summary>
public static class StorageClasses
{
    public const string Standard = "standard";

    /// <summary>Sold in some regions only; the API answers <c>LOCATION_UNAVAILABLE</c> elsewhere.</summary>
    public const string HighPerformance = "high_performance";
}
