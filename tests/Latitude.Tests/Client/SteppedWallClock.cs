using BucketOperator.TestSupport;

namespace BucketOperator.Latitude.Tests.Client;

/// <summary>
/// A clock whose wall time can jump (NTP step, manual change) while its monotonic timestamp and timers keep
/// following <paramref name="monotonic"/>, as on a real machine.
/// </summary>
internal sealed class SteppedWallClock(FakeTimeProvider monotonic) : TimeProvider
{
    private TimeSpan _offset;

    public override long TimestampFrequency => monotonic.TimestampFrequency;

    /// <summary>Moves the wall clock only.</summary>
    public void Step(TimeSpan delta) => _offset += delta;

    public override DateTimeOffset GetUtcNow() => monotonic.GetUtcNow() + _offset;

    public override long GetTimestamp() => monotonic.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        monotonic.CreateTimer(callback, state, dueTime, period);
}
