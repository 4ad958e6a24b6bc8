using BucketOperator.Entities.Schema;

namespace BucketOperator.Entities;

/// <summary>A lifecycle rule the bucket has in Latitude, with the ID Latitude gave it.</summary>
public sealed record LifecycleRuleStatus
{
    [Description("Name of the rule.")]
    public required string Name { get; init; }

    [Description("Latitude's ID of the rule (lifecycle_...).")]
    public required string Id { get; init; }
}
