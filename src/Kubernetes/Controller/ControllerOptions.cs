namespace BucketOperator.Kubernetes.Controller;

/// <summary>How a controller runs its reconciler.</summary>
public sealed record ControllerOptions
{
    /// <summary>Concurrent reconciles (default 1, as controller-runtime); one key is never reconciled twice at once.</summary>
    public int Workers { get; init; } = 1;

    /// <summary>How long to wait for the caches to fill before giving up (default 2 min, as controller-runtime).</summary>
    public TimeSpan CacheSyncTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long shutdown waits for in-flight reconciles before abandoning them (default 30 s).</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
