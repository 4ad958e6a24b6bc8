using BucketOperator.Entities.Schema;

namespace BucketOperator.Entities;

/// <summary>
/// One Latitude lifecycle rule of the bucket (object-storage.md §6), matched with the bucket's rules by
/// <see cref="Name"/>. <see cref="Enabled"/> defaults to true, as the API's; it has a setter for the reason given on
/// <see cref="ObjectBucketSpec"/>.
/// </summary>
public sealed record LifecycleRuleSpec
{
    [Description("Name of the rule, unique in the list: what the operator matches the bucket's Latitude rules by.")]
    [Length(1, 255)]
    public required string Name { get; init; }

    [Description("Whether the rule is in force.")]
    [DefaultValue(true)]
    public bool Enabled { get; set; } = true;

    [Description("Key prefix the rule applies to, e.g. logs/. Without it the rule applies to the whole bucket.")]
    [Length(0, 1024)]
    public string? Prefix { get; init; }

    [Description("Days after creation until an object is deleted.")]
    [Minimum(1)]
    public required int ExpirationDays { get; init; }

    [Description("Days until noncurrent object versions are deleted (versioned buckets).")]
    [Minimum(1)]
    public int? NoncurrentDays { get; init; }

    [Description("Days after initiation until an incomplete multipart upload is aborted.")]
    [Minimum(1)]
    public int? AbortIncompleteMultipartUploadDays { get; init; }
}
