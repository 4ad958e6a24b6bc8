using BucketOperator.Latitude.RateLimiting;
using BucketOperator.TestSupport;

namespace BucketOperator.Latitude.Tests.Client;

public sealed class RateLimiterTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Acquire_ManyConcurrentCallers_NeverMoreThanLimitInAnyWindow()
    {
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow();
        var limiter = new SlidingWindowLimiter(20, Minute, time);
        var granted = new List<TimeSpan>();
        var callers = Enumerable.Range(0, 100).Select(async _ =>
        {
            var at = await limiter.AcquireAsync(TimeSpan.MaxValue, CancellationToken.None);
            lock (granted)
            {
                granted.Add(at - start);
            }
        }).ToList();

        await time.AdvanceUntilAsync(() => callers.All(c => c.IsCompleted), TimeSpan.FromMinutes(6));

        var times = granted.Order().ToList();
        var busiestWindow = times.Max(t => times.Count(u => u >= t && u < t + Minute));
        Assert.Equal(100, times.Count);
        Assert.InRange(busiestWindow, 1, 20);
        // 100 at 20 per minute cannot all start before four full windows have passed.
        Assert.True(times[^1] >= TimeSpan.FromMinutes(4), $"last grant at {times[^1]}");
    }

    [Fact]
    public async Task Acquire_OverLimit_WaitsExactlyUntilTheOldestSlotLeavesTheWindow()
    {
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow();
        var limiter = new SlidingWindowLimiter(3, Minute, time);
        await limiter.AcquireAsync(TimeSpan.MaxValue, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(10));
        await limiter.AcquireAsync(TimeSpan.MaxValue, CancellationToken.None);
        await limiter.AcquireAsync(TimeSpan.MaxValue, CancellationToken.None);

        var fourth = limiter.AcquireAsync(TimeSpan.MaxValue, CancellationToken.None);
        await time.WaitForTimersAsync();
        time.Advance(TimeSpan.FromSeconds(49));
        var waitingAt59 = !fourth.IsCompleted;
        await time.AdvanceUntilAsync(() => fourth.IsCompleted, Minute);

        Assert.True(waitingAt59);
        Assert.Equal(TimeSpan.FromSeconds(60), await fourth - start);
    }

    [Fact]
    public async Task Acquire_WhilePausedByRetryAfter_WaitsForThePause()
    {
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow();
        var limiter = new SlidingWindowLimiter(60, Minute, time);
        await limiter.AcquireAsync(TimeSpan.MaxValue, CancellationToken.None);

        limiter.PauseFor(TimeSpan.FromSeconds(30));
        var next = limiter.AcquireAsync(TimeSpan.MaxValue, CancellationToken.None);
        await time.AdvanceUntilAsync(() => next.IsCompleted, TimeSpan.FromMinutes(1));

        Assert.Equal(TimeSpan.FromSeconds(30), await next - start);
    }

    [Fact]
    public async Task Acquire_LongerWaitThanTheCallerAllows_ThrowsWithTheWaitAndCountsNothing()
    {
        var time = new FakeTimeProvider();
        var limiter = new SlidingWindowLimiter(1, Minute, time);
        await limiter.AcquireAsync(TimeSpan.Zero, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(15));

        var refused = await Assert.ThrowsAsync<RateBudgetExhaustedException>(() => limiter.AcquireAsync(TimeSpan.FromSeconds(1), CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(45));

        Assert.Equal(TimeSpan.FromSeconds(45), refused.RetryAfter);
        Assert.True(limiter.AcquireAsync(TimeSpan.Zero, CancellationToken.None).IsCompletedSuccessfully, "the refused call took no slot");
    }

    [Fact]
    public async Task Acquire_PausedLongerThanTheCallerAllows_ThrowsAtOnce()
    {
        var time = new FakeTimeProvider();
        var limiter = new SlidingWindowLimiter(60, Minute, time);
        limiter.PauseFor(TimeSpan.FromMinutes(5));

        var refused = await Assert.ThrowsAsync<RateBudgetExhaustedException>(() => limiter.AcquireAsync(TimeSpan.FromSeconds(1), CancellationToken.None));

        Assert.Equal(TimeSpan.FromMinutes(5), refused.RetryAfter);
    }

    [Fact]
    public void TokenLimiter_SeparatesReadAndWriteBudgets()
    {
        var limiter = new TokenRateLimiter(60, 20, new FakeTimeProvider());

        Assert.Equal((60, 20), (limiter.For(HttpMethod.Get).Limit, limiter.For(HttpMethod.Delete).Limit));
        Assert.Same(limiter.Writes, limiter.For(HttpMethod.Post));
    }
}
