using BucketOperator.Entities.Schema;

namespace BucketOperator.Entities;

/// <summary>Object Lock as the Latitude API reports it for the bucket.</summary>
public sealed record ObjectLockStatus
{
    [Description("Whether Object Lock is on.")]
    public bool Enabled { get; init; }

    [Description("Default retention mode: NONE, GOVERNANCE or COMPLIANCE.")]
    public string? Mode { get; init; }

    [Description("Default retention in days, when set.")]
    public int? RetentionDays { get; init; }
}
