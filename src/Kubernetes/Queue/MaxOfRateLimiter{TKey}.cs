namespace BucketOperator.Kubernetes.Queue;

/// <summary>
/// Combines limiters by taking the longest delay any of them asks for (client-go's <c>MaxOfRateLimiter</c>), e.g.
/// per-key backoff together with an overall token bucket. Every limiter records each failure, not only the one
/// whose delay wins.
/// </summary>
public sealed class MaxOfRateLimiter<TKey>(params IRateLimiter<TKey>[] limiters) : IRateLimiter<TKey>
    where TKey : notnull
{
    private readonly IRateLimiter<TKey>[] _limiters = limiters.Length > 0 ? limiters : throw new ArgumentException("at least one limiter is needed", nameof(limiters));

    public TimeSpan When(TKey key)
    {
        var longest = TimeSpan.Zero;
        foreach (var limiter in _limiters)
        {
            var delay = limiter.When(key);
            longest = delay > longest ? delay : longest;
        }

        return longest;
    }

    public void Forget(TKey key)
    {
        foreach (var limiter in _limiters)
        {
            limiter.Forget(key);
        }
    }

    public int NumRequeues(TKey key) => _limiters.Max(limiter => limiter.NumRequeues(key));
}
