namespace BucketOperator.Latitude.Simulator.State;

/// <summary>A lifecycle rule of a simulated bucket (<c>lifecycle_rule_data</c>).</summary>
public sealed record SimulatedLifecycleRule
{
    public required string Id { get; init; }

    public required string BucketId { get; init; }

    public required string Name { get; init; }

    public bool Enabled { get; init; } = true;

    public string? Prefix { get; init; }

    public required int ExpirationDays { get; init; }

    public int? NoncurrentDays { get; init; }

    public int? AbortMpuDaysAfterInitiation { get; init; }
}
