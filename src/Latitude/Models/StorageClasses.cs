namespace BucketOperator.Latitude.Models;

public static class StorageClasses
{
    public const string Standard = "standard";
    public const string HighPerformance = "high_performance";
}
