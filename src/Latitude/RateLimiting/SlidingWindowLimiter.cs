namespace BucketOperator.Latitude.RateLimiting;

/// <summary>
/// Lets at most <c>limit</c> requests start in any window of the given length (a sliding log, stricter than
/// the API's per-minute counter, so we never trip it), and holds everyone back while the API has told us to
/// wait (<see cref="PauseFor"/>). Waiters are served in arrival order.
/// </summary>
#pragma warning disable CA1001 // SemaphoreSlim holds no OS handle unless AvailableWaitHandle is used; limiters live as long as the process.
public sealed class SlidingWindowLimiter(int limit, TimeSpan window, TimeProvider time)
{
    private readonly Queue<DateTimeOffset> _starts = new();
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Lock _gate = new();
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public int Limit { get; } = limit > 0 ? limit : throw new ArgumentOutOfRangeException(nameof(limit), "must be positive");

    /// <summary>Waits until one more request may start, and counts it as started.</summary>
    /// <returns>The instant the request was counted at.</returns>
    public async Task<DateTimeOffset> AcquireAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var (wait, now) = TryTake();
                if (wait <= TimeSpan.Zero)
                {
                    return now;
                }

                await Task.Delay(wait, time, cancellationToken);
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>After a 429: nothing starts until <paramref name="delay"/> has passed.</summary>
    public void PauseFor(TimeSpan delay)
    {
        lock (_gate)
        {
            var until = time.GetUtcNow() + delay;
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }
    }

    /// <summary>Zero when the request was counted, else how long to wait before asking again; and the time of the decision.</summary>
    private (TimeSpan Wait, DateTimeOffset Now) TryTake()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            while (_starts.Count > 0 && _starts.Peek() + window <= now)
            {
                _starts.Dequeue();
            }

            if (now < _pausedUntil)
            {
                return (_pausedUntil - now, now);
            }

            if (_starts.Count >= Limit)
            {
                return (_starts.Peek() + window - now, now);
            }

            _starts.Enqueue(now);
            return (TimeSpan.Zero, now);
        }
    }
}
#pragma warning restore CA1001
