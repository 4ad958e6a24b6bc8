namespace BucketOperator.Kubernetes.Queue;

/// <summary>
/// Per-key exponential backoff: the n-th consecutive failure of a key (counting from 0) waits
/// <c>baseDelay · 2ⁿ</c>, stretched by a random factor in [1, 1 + <c>jitter</c>) and capped at <c>maxDelay</c>.
/// Failures are counted until <see cref="Forget"/>, so a key that keeps failing stays at the cap.
/// Defaults: base 5 ms, cap 5 minutes, jitter 0.1 (up to 10 % longer, so keys that failed together drift
/// apart), <see cref="Random.Shared"/>.
/// </summary>
public sealed class ExponentialFailureRateLimiter<TKey> : IRateLimiter<TKey>
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, int> _failures = [];
    private readonly TimeSpan _baseDelay;
    private readonly TimeSpan _maxDelay;
    private readonly double _jitter;
    private readonly Random _random;

    public ExponentialFailureRateLimiter(TimeSpan? baseDelay = null, TimeSpan? maxDelay = null, double jitter = 0.1, Random? random = null)
    {
        _baseDelay = baseDelay ?? TimeSpan.FromMilliseconds(5);
        _maxDelay = maxDelay ?? TimeSpan.FromMinutes(5);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_baseDelay, TimeSpan.Zero, nameof(baseDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(_maxDelay, _baseDelay, nameof(maxDelay));
        ArgumentOutOfRangeException.ThrowIfNegative(jitter);
        _jitter = jitter;
        _random = random ?? Random.Shared;
    }

    public TimeSpan When(TKey key)
    {
        lock (_gate)
        {
            var failures = _failures.GetValueOrDefault(key);
            _failures[key] = failures + 1;

            // In doubles, a long failure streak overflows to infinity rather than wrapping round to a short delay.
            var ticks = _baseDelay.Ticks * Math.Pow(2, failures) * (1 + (_jitter * _random.NextDouble()));
            return ticks >= _maxDelay.Ticks ? _maxDelay : TimeSpan.FromTicks((long)ticks);
        }
    }

    public void Forget(TKey key)
    {
        lock (_gate)
        {
            _failures.Remove(key);
        }
    }

    public int NumRequeues(TKey key)
    {
        lock (_gate)
        {
            return _failures.GetValueOrDefault(key);
        }
    }
}
