namespace BucketOperator.Kubernetes.Queue;

/// <summary>
/// The limiter a controller uses unless told otherwise (client-go's <c>DefaultControllerRateLimiter</c>): the longer
/// of per-key exponential backoff (5 ms doubling to 5 minutes, 10 % jitter) and an overall token bucket of
/// 10 retries per second with a burst of 100, so one failing key backs off on its own while a mass failure
/// cannot retry faster than 10 per second in total.
/// </summary>
public static class DefaultControllerRateLimiter
{
    public static IRateLimiter<TKey> Create<TKey>(TimeProvider? time = null, Random? random = null)
        where TKey : notnull =>
        new MaxOfRateLimiter<TKey>(
            new ExponentialFailureRateLimiter<TKey>(random: random),
            new TokenBucketRateLimiter<TKey>(tokensPerSecond: 10, burst: 100, time));
}
