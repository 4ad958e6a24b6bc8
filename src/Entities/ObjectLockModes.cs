namespace BucketOperator.Entities;

/// <summary>Values of <see cref="ObjectLockSpec.Mode"/>: the default retention mode of a locked bucket.</summary>
public static class ObjectLockModes
{
    public const string None = "NONE";

    /// <summary>Privileged users can shorten or remove a retention.</summary>
    public const string Governance = "GOVERNANCE";

    /// <summary>Nobody can remove an object before its retention ends, so the bucket cannot be deleted before then.</summary>
    public const string Compliance = "COMPLIANCE";
}
