using BucketOperator.TestSupport;

namespace BucketOperator.Latitude.Tests.Client;

/// <summary>
/// A clock over <paramref name="monotonic"/> whose wall time can jump (NTP step, manual change) while its
/// timestamp and timers keep following the fake, as on a real machine; it also keeps the due time of every
/// timer armed (e.g. by Task.Delay), so a test can read how long the code decided to wait.
/// </summary>
internal sealed class TestClock(FakeTimeProvider monotonic) : TimeProvider
{
    private readonly List<TimeSpan> _armed = [];
    private TimeSpan _offset;

    public override long TimestampFrequency => monotonic.TimestampFrequency;

    /// <summary>Due times of the timers created so far, oldest first.</summary>
    public IReadOnlyList<TimeSpan> Armed
    {
        get
        {
            lock (_armed)
            {
                return [.. _armed];
            }
        }
    }

    /// <summary>Moves the wall clock only.</summary>
    public void Step(TimeSpan delta) => _offset += delta;

    public override DateTimeOffset GetUtcNow() => monotonic.GetUtcNow() + _offset;

    public override long GetTimestamp() => monotonic.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_armed)
        {
            _armed.Add(dueTime);
        }

        return monotonic.CreateTimer(callback, state, dueTime, period);
    }
}
