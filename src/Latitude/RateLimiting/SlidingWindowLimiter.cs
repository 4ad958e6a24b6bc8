namespace BucketOperator.Latitude.RateLimiting;

/// <summary>
/// Lets at most <c>limit</c> requests start in any window of the given length (a sliding log, stricter than
/// the API's per-minute counter, so we never trip it), and holds everyone back while the API has told us to
/// wait (<see cref="PauseFor"/>). Waiters are served in arrival order. The window and the pause are measured on
/// the monotonic clock (<see cref="TimeProvider.GetTimestamp"/>): a wall-clock step (NTP, a manual change)
/// can neither open the window early nor stall it.
/// </summary>
#pragma warning disable CA1001 // SemaphoreSlim holds no OS handle unless AvailableWaitHandle is used; limiters live as long as the process.
public sealed class SlidingWindowLimiter(int limit, TimeSpan window, TimeProvider time)
{
    private readonly Queue<long> _starts = new();
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Lock _gate = new();
    private long? _pauseFrom;
    private TimeSpan _pause;

    public int Limit { get; } = limit > 0 ? limit : throw new ArgumentOutOfRangeException(nameof(limit), "must be positive");

    /// <summary>Waits until one more request may start, and counts it as started.</summary>
    /// <returns>The wall-clock instant the request was counted at (for logs and tests; the limiter itself never reads the wall clock).</returns>
    public async Task<DateTimeOffset> AcquireAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var wait = TryTake();
                if (wait <= TimeSpan.Zero)
                {
                    return time.GetUtcNow();
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
            var now = time.GetTimestamp();
            if (_pauseFrom is null || delay > Remaining(_pauseFrom.Value, _pause, now))
            {
                (_pauseFrom, _pause) = (now, delay);
            }
        }
    }

    /// <summary>Zero when the request was counted, else how long to wait before asking again.</summary>
    private TimeSpan TryTake()
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            while (_starts.Count > 0 && Remaining(_starts.Peek(), window, now) <= TimeSpan.Zero)
            {
                _starts.Dequeue();
            }

            var paused = _pauseFrom is { } pauseFrom ? Remaining(pauseFrom, _pause, now) : TimeSpan.Zero;
            if (paused > TimeSpan.Zero)
            {
                return paused;
            }

            if (_starts.Count >= Limit)
            {
                return Remaining(_starts.Peek(), window, now);
            }

            _starts.Enqueue(now);
            return TimeSpan.Zero;
        }
    }

    /// <summary>What is left at <paramref name="now"/> of a span of <paramref name="length"/> that began at <paramref name="from"/>.</summary>
    private TimeSpan Remaining(long from, TimeSpan length, long now) => length - time.GetElapsedTime(from, now);
}
#pragma warning restore CA1001
