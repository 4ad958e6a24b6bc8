using BucketOperator.Entities.Schema;

namespace BucketOperator.Entities;

/// <summary>
/// S3 Object Lock at creation. Defaults: disabled, mode <c>NONE</c>, no default retention. Defaulted properties
/// have setters for the reason given on <see cref="ObjectBucketSpec"/>.
/// </summary>
[CelRule(
    "self.enabled || (self.mode == 'NONE' && !has(self.retentionDays))",
    "mode and retentionDays require enabled: true")]
public sealed record ObjectLockSpec
{
    [Description("Turns Object Lock on; the bucket then has versioning too.")]
    [DefaultValue(false)]
    public bool Enabled { get; set; }

    [Description("Default retention mode of new objects: NONE, GOVERNANCE (privileged users may override) or COMPLIANCE (nobody may).")]
    [EnumValues(ObjectLockModes.None, ObjectLockModes.Governance, ObjectLockModes.Compliance)]
    [DefaultValue(ObjectLockModes.None)]
    public string Mode { get; set; } = ObjectLockModes.None;

    [Description("Default retention of new objects, in days.")]
    [Minimum(1)]
    public int? RetentionDays { get; init; }
}
