using BucketOperator.Latitude.Simulator.State;

namespace BucketOperator.Latitude.Simulator;

/// <summary>How a <see cref="LatitudeSimulator"/> starts.</summary>
public sealed record SimulatorOptions
{
    public ResponseShape Shape { get; init; } = ResponseShape.Current;

    /// <summary>Loopback port; 0 (default) picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Per token, like the real API (default 60 GET and 20 writes per minute).</summary>
    public int ReadsPerMinute { get; init; } = 60;

    public int WritesPerMinute { get; init; } = 20;

    /// <summary>
    /// The window both limits are counted over (default one minute, the API's). A benchmark shortens it, and the
    /// client's window with it, to run the same rate-limit dynamics faster.
    /// </summary>
    public TimeSpan RateLimitWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>A second access key with a taken name: 409 (default) or a second credential for the same user.</summary>
    public DuplicateKeyNames DuplicateKeyNames { get; init; } = DuplicateKeyNames.Conflict;

    /// <summary>Which methods update a lifecycle rule (default both PATCH and PUT).</summary>
    public LifecycleRuleUpdateMethods LifecycleRuleUpdates { get; init; } = LifecycleRuleUpdateMethods.PatchAndPut;

    /// <summary>
    /// Whether list items carry <c>created_at</c> (default true). The documented list example has none, so a
    /// client must then read it with GET /storage/buckets/{id}, which always carries it.
    /// </summary>
    public bool ListShowsCreatedAt { get; init; } = true;

    /// <summary>
    /// List items carry only what the documented list example has (name, bucket_name, storage_class, source, region):
    /// no created_at, endpoint, versioning, lock or project. GET /storage/buckets/{id} still has everything.
    /// </summary>
    public bool ListShowsOnlyDocumentedFields { get; init; }

    /// <summary>Start s3rver and create real S3 buckets and keys; otherwise endpoints are fictitious.</summary>
    public S3ServerOptions? S3 { get; init; }

    /// <summary>Teams, projects, tokens and sites; <see cref="SimulatorSeed.Default"/> unless replaced.</summary>
    public SimulatorSeed Seed { get; init; } = SimulatorSeed.Default;

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
