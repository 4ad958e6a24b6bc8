namespace BucketOperator.Kubernetes.Queue;

/// <summary>
/// Decides how long a key waits before it is retried (client-go's <c>RateLimiter</c>). Implementations are safe
/// to call from many workers at once.
/// </summary>
public interface IRateLimiter<in TKey>
    where TKey : notnull
{
    /// <summary>Records one more failure of <paramref name="key"/> and returns how long to wait before retrying it.</summary>
    TimeSpan When(TKey key);

    /// <summary>Clears the failure history of <paramref name="key"/> (after a success, or when it leaves the queue for good).</summary>
    void Forget(TKey key);

    /// <summary>How many failures of <paramref name="key"/> have been recorded since it was last forgotten.</summary>
    int NumRequeues(TKey key);
}
