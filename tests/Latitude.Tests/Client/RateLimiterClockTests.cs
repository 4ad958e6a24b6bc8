using BucketOperator.Latitude.RateLimiting;
using BucketOperator.TestSupport;

namespace BucketOperator.Latitude.Tests.Client;

/// <summary>The limiter measures its window on the monotonic clock: a wall-clock step neither opens nor stalls it.</summary>
public sealed class RateLimiterClockTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Acquire_WallClockStepsForward_WindowStaysClosed()
    {
        var time = new FakeTimeProvider();
        var clock = new TestClock(time);
        var limiter = await FullLimiterAsync(clock);

        clock.Step(TimeSpan.FromHours(1));
        var next = limiter.AcquireAsync(TimeSpan.MaxValue, CancellationToken.None);

        Assert.False(next.IsCompleted);
        await time.WaitForTimersAsync();
        time.Advance(Minute);
        await next;
    }

    [Fact]
    public async Task Acquire_WallClockStepsBack_WindowOpensAfterOneMonotonicMinute()
    {
        var time = new FakeTimeProvider();
        var clock = new TestClock(time);
        var limiter = await FullLimiterAsync(clock);

        clock.Step(-TimeSpan.FromHours(1));
        time.Advance(Minute);
        var next = limiter.AcquireAsync(TimeSpan.MaxValue, CancellationToken.None);

        Assert.True(next.IsCompleted);
        await next;
    }

    [Fact]
    public async Task Acquire_PausedByRetryAfter_WallClockStepForwardDoesNotEndThePause()
    {
        var time = new FakeTimeProvider();
        var clock = new TestClock(time);
        var limiter = new SlidingWindowLimiter(60, Minute, clock);

        limiter.PauseFor(TimeSpan.FromSeconds(30));
        clock.Step(TimeSpan.FromHours(1));
        var next = limiter.AcquireAsync(TimeSpan.MaxValue, CancellationToken.None);

        Assert.False(next.IsCompleted);
        await time.WaitForTimersAsync();
        time.Advance(TimeSpan.FromSeconds(30));
        await next;
    }

    private static async Task<SlidingWindowLimiter> FullLimiterAsync(TimeProvider clock)
    {
        var limiter = new SlidingWindowLimiter(3, Minute, clock);
        for (var i = 0; i < limiter.Limit; i++)
        {
            await limiter.AcquireAsync(TimeSpan.MaxValue, CancellationToken.None);
        }

        return limiter;
    }
}
