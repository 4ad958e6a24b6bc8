using BucketOperator.Kubernetes.Queue;
using BucketOperator.TestSupport;

namespace BucketOperator.Kubernetes.Tests.Unit.Queue;

public sealed class RateLimiterTests
{
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);

    [Fact]
    public void ExponentialFailure_Defaults_DoubleFrom5msAndCapAt5Minutes()
    {
        var limiter = new ExponentialFailureRateLimiter<string>(jitter: 0);

        var delays = Enumerable.Range(0, 20).Select(_ => limiter.When("a")).ToList();

        var expected = Enumerable.Range(0, 20).Select(n => TimeSpan.FromMilliseconds(5 * Math.Pow(2, n))).Select(d => d > FiveMinutes ? FiveMinutes : d);
        Assert.Equal(expected, delays);
        Assert.Equal(TimeSpan.FromMilliseconds(163_840), delays[15]);
        Assert.Equal(FiveMinutes, delays[16]);
        Assert.Equal(20, limiter.NumRequeues("a"));
    }

    [Fact]
    public void ExponentialFailure_ManyFailures_StaysAtCap()
    {
        var limiter = new ExponentialFailureRateLimiter<string>(jitter: 0);

        for (var n = 0; n < 5000; n++)
        {
            limiter.When("a");
        }

        Assert.Equal(FiveMinutes, limiter.When("a"));
    }

    [Fact]
    public void ExponentialFailure_Jitter_StretchesByTheRandomFraction()
    {
        var limiter = new ExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), jitter: 0.5, new FixedRandom(0.5));

        var delays = Enumerable.Range(0, 5).Select(_ => limiter.When("a")).ToList();

        Assert.Equal([125, 250, 500, 1000, 1000], delays.Select(d => d.TotalMilliseconds));
    }

    [Fact]
    public void ExponentialFailure_RandomJitter_BoundedByFractionAndCap()
    {
        var limiter = new ExponentialFailureRateLimiter<string>(random: new Random(42));

        var delays = Enumerable.Range(0, 25).Select(_ => limiter.When("a")).ToList();

        for (var n = 0; n < delays.Count; n++)
        {
            var exponential = TimeSpan.FromMilliseconds(5 * Math.Pow(2, n));
            Assert.InRange(delays[n], exponential > FiveMinutes ? FiveMinutes : exponential, exponential * 1.1 > FiveMinutes ? FiveMinutes : exponential * 1.1);
        }

        Assert.Contains(delays.Take(10), d => d.Ticks % TimeSpan.FromMilliseconds(5).Ticks != 0);
    }

    [Fact]
    public void ExponentialFailure_Forget_ResetsOnlyThatKey()
    {
        var limiter = new ExponentialFailureRateLimiter<string>(jitter: 0);
        limiter.When("a");
        limiter.When("a");
        limiter.When("a");
        limiter.When("b");

        limiter.Forget("a");

        Assert.Equal(0, limiter.NumRequeues("a"));
        Assert.Equal(TimeSpan.FromMilliseconds(5), limiter.When("a"));
        Assert.Equal(TimeSpan.FromMilliseconds(10), limiter.When("b"));
    }

    [Fact]
    public void TokenBucket_BurstUsed_FurtherCallsWaitForRefill()
    {
        var time = new FakeTimeProvider();
        var limiter = new TokenBucketRateLimiter<string>(tokensPerSecond: 1, burst: 3, time);

        var burst = Enumerable.Range(0, 5).Select(n => limiter.When($"key-{n}")).ToList();
        time.Advance(TimeSpan.FromSeconds(2));
        var afterRefill = limiter.When("f");

        Assert.Equal([TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], burst);
        Assert.Equal(TimeSpan.FromSeconds(1), afterRefill);
    }

    [Fact]
    public void TokenBucket_LongIdle_RefillsOnlyUpToBurst()
    {
        var time = new FakeTimeProvider();
        var limiter = new TokenBucketRateLimiter<string>(tokensPerSecond: 10, burst: 2, time);
        limiter.When("a");
        limiter.When("a");

        time.Advance(TimeSpan.FromHours(1));
        var delays = Enumerable.Range(0, 3).Select(_ => limiter.When("a")).ToList();

        Assert.Equal([TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromMilliseconds(100)], delays);
        Assert.Equal(0, limiter.NumRequeues("a"));
    }

    [Fact]
    public void MaxOf_SeveralLimiters_LongestWinsAndAllRecord()
    {
        var fast = new ExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1), jitter: 0);
        var slow = new ExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(1), jitter: 0);
        var limiter = new MaxOfRateLimiter<string>(fast, slow);

        List<TimeSpan> delays = [limiter.When("a"), limiter.When("a")];
        var requeues = (limiter.NumRequeues("a"), fast.NumRequeues("a"));
        limiter.Forget("a");

        Assert.Equal([TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20)], delays);
        Assert.Equal((2, 2), requeues);
        Assert.Equal((0, 0), (fast.NumRequeues("a"), slow.NumRequeues("a")));
    }

    [Fact]
    public void DefaultController_MassFailure_LimitedTo10PerSecondAfterBurstOf100()
    {
        var limiter = DefaultControllerRateLimiter.Create<string>(new FakeTimeProvider(), new FixedRandom(0));

        var delays = Enumerable.Range(0, 102).Select(n => limiter.When($"key-{n}")).ToList();

        Assert.All(delays.Take(100), d => Assert.Equal(TimeSpan.FromMilliseconds(5), d));
        Assert.Equal([TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200)], delays.Skip(100));
    }

    [Fact]
    public void DefaultController_OneKeyFailing_BacksOffToFiveMinutes()
    {
        var limiter = DefaultControllerRateLimiter.Create<string>(new FakeTimeProvider(), new FixedRandom(0));

        var delays = Enumerable.Range(0, 30).Select(_ => limiter.When("a")).ToList();

        Assert.Equal(TimeSpan.FromMilliseconds(5), delays[0]);
        Assert.Equal(TimeSpan.FromMilliseconds(40), delays[3]);
        Assert.Equal(FiveMinutes, delays[^1]);
        Assert.Equal(30, limiter.NumRequeues("a"));
    }
}
