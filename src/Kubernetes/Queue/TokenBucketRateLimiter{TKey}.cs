namespace BucketOperator.Kubernetes.Queue;

/// <summary>
/// An overall limit shared by every key (client-go's <c>BucketRateLimiter</c>): a bucket of <c>burst</c> tokens that
/// refills at <c>tokensPerSecond</c>. Each <see cref="When"/> takes a token, borrowing against the future when the
/// bucket is empty, and returns how long until that token exists, so retries after a mass failure spread out at
/// the refill rate instead of hammering the API server together. Keys have no history here: <see cref="Forget"/>
/// does nothing and <see cref="NumRequeues"/> is always 0. The bucket starts full.
/// </summary>
public sealed class TokenBucketRateLimiter<TKey> : IRateLimiter<TKey>
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly double _tokensPerSecond;
    private readonly int _burst;
    private readonly TimeProvider _time;
    private double _tokens;
    private long _refilledAt;

    public TokenBucketRateLimiter(double tokensPerSecond, int burst, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tokensPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        _tokensPerSecond = tokensPerSecond;
        _burst = burst;
        _time = time ?? TimeProvider.System;
        _tokens = burst;
        _refilledAt = _time.GetTimestamp();
    }

    public TimeSpan When(TKey key)
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            _tokens = Math.Min(_burst, _tokens + (_time.GetElapsedTime(_refilledAt, now).TotalSeconds * _tokensPerSecond));
            _refilledAt = now;
            _tokens -= 1;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _tokensPerSecond);
        }
    }

    public void Forget(TKey key)
    {
    }

    public int NumRequeues(TKey key) => 0;
}
