namespace BucketOperator.Kubernetes.Queue;

/// <summary>How a <see cref="RateLimitingQueue{TKey}"/> is named, limited and timed.</summary>
public sealed record RateLimitingQueueOptions<TKey>
    where TKey : notnull
{
    /// <summary>Tags the queue's metrics (<c>name</c>) and log messages; usually the controller's name. Required.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// Decides the delay of <see cref="RateLimitingQueue{TKey}.AddRateLimited(TKey)"/>. Default:
    /// <see cref="DefaultControllerRateLimiter"/> on <see cref="TimeProvider"/>.
    /// </summary>
    public IRateLimiter<TKey>? RateLimiter { get; init; }

    /// <summary>The clock of delays and metrics. Default <see cref="TimeProvider.System"/>; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
