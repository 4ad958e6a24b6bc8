namespace BucketOperator.Latitude.Simulator.State;

/// <summary>An access key held by the simulator; <see cref="Secret"/> is shown once, in the create response.</summary>
public sealed record SimulatedAccessKey
{
    public required string ProjectId { get; init; }

    public required string Name { get; init; }

    public required string Username { get; init; }

    public required string AccessKeyId { get; init; }

    public required string Secret { get; init; }

    public required string StorageClass { get; init; }

    public required string Region { get; init; }

    public required string AccessScope { get; init; }

    public IReadOnlyList<(string BucketId, string Permission)> Permissions { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public override string ToString() => $"SimulatedAccessKey {{ Username = {Username}, AccessKeyId = {AccessKeyId} }}";
}
