namespace BucketOperator.Latitude.Simulator.State;

/// <summary>A bucket held by the simulator.</summary>
public sealed record SimulatedBucket
{
    public required string Id { get; init; }

    public required string ProjectId { get; init; }

    public required string Name { get; init; }

    public required string BucketName { get; init; }

    public required string Region { get; init; }

    public required string StorageClass { get; init; }

    public required string Endpoint { get; init; }

    public bool Versioning { get; init; }

    public bool Locking { get; init; }

    public string RetentionMode { get; init; } = "NONE";

    public long? RetentionPeriod { get; init; }

    public bool Scoped { get; init; }

    public string? Customer { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>"default" when created through the API, "synchronized" when imported from the provider.</summary>
    public string Source { get; init; } = "default";

    /// <summary>Objects in the bucket when no S3 server backs the simulator (a non-empty bucket refuses deletion).</summary>
    public int ObjectCount { get; set; }
}
