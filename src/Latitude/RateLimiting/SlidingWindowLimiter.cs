namespace BucketOperator.Latitude.RateLimiting;

/// <summary>
/// Lets at most <c>limit</c> requests start in any window of the given length (a sliding log, stricter than
/// the API's per-minute counter, so we never trip it), and holds everyone back while the API has told us to
/// wait (<see cref="PauseFor"/>). A caller waits only as long as it agreed to: a longer wait is handed back as
/// <see cref="RateBudgetExhaustedException"/>, so a reconcile worker is never parked behind a busy token while
/// objects of other tokens wait (SPEC "Tenancy and fairness"). The window and the pause are measured on the
/// monotonic clock (<see cref="TimeProvider.GetTimestamp"/>): a wall-clock step (NTP, a manual change) can
/// neither open the window early nor stall it.
/// </summary>
public sealed class SlidingWindowLimiter(int limit, TimeSpan window, TimeProvider time)
{
    private readonly Queue<long> _starts = new();
    private readonly Lock _gate = new();
    private long? _pauseFrom;
    private TimeSpan _pause;

    public int Limit { get; } = limit > 0 ? limit : throw new ArgumentOutOfRangeException(nameof(limit), "must be positive");

    /// <summary>Waits up to <paramref name="maxWait"/> until one more request may start, and counts it as started.</summary>
    /// <returns>The wall-clock instant the request was counted at (for logs and tests; the limiter itself never reads the wall clock).</returns>
    /// <exception cref="RateBudgetExhaustedException">The budget frees up only after <paramref name="maxWait"/>; nothing was counted.</exception>
    public async Task<DateTimeOffset> AcquireAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var asked = time.GetTimestamp();
        while (true)
        {
            var wait = TryTake();
            if (wait <= TimeSpan.Zero)
            {
                return time.GetUtcNow();
            }

            if (maxWait != TimeSpan.MaxValue && wait > maxWait - time.GetElapsedTime(asked))
            {
                throw new RateBudgetExhaustedException(wait);
            }

            await Task.Delay(wait, time, cancellationToken);
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
