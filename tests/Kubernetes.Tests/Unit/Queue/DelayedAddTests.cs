using BucketOperator.Kubernetes.Queue;
using BucketOperator.TestSupport;

namespace BucketOperator.Kubernetes.Tests.Unit.Queue;

public sealed class DelayedAddTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    private readonly FakeTimeProvider _time = new();

    [Theory]
    [InlineData(10, 2)]
    [InlineData(2, 10)]
    public async Task AddAfter_AddedTwice_ReadyAtEarlierTimeOnly(int firstSeconds, int secondSeconds)
    {
        using var queue = TestQueues.Create(_time);

        queue.AddAfter("a", TimeSpan.FromSeconds(firstSeconds));
        queue.AddAfter("a", TimeSpan.FromSeconds(secondSeconds));
        await _time.WaitForTimersAsync();
        _time.Advance(TimeSpan.FromSeconds(2) - Tick);
        var earlyLength = queue.Length;
        _time.Advance(Tick);

        Assert.Equal(0, earlyLength);
        Assert.Equal(1, queue.Length);
        queue.Done(await queue.TakeAsync());
        _time.Advance(TimeSpan.FromSeconds(10));
        TestQueues.AssertIdle(queue);
    }

    [Fact]
    public async Task AddAfter_WorkerWaiting_GetsKeyOnlyAtReadyTime()
    {
        using var queue = TestQueues.Create(_time);
        var get = queue.GetAsync();

        queue.AddAfter("a", TimeSpan.FromSeconds(5));
        await _time.WaitForTimersAsync();
        _time.Advance(TimeSpan.FromSeconds(5) - Tick);
        queue.Add("marker");
        _time.Advance(Tick);

        Assert.Equal(("marker", false), await get.Guarded());
        Assert.Equal("a", await queue.TakeAsync());
    }

    [Fact]
    public async Task AddAfter_SeveralKeys_ReleasedInReadyTimeOrder()
    {
        using var queue = TestQueues.Create(_time);

        queue.AddAfter("a", TimeSpan.FromSeconds(3));
        queue.AddAfter("b", TimeSpan.FromSeconds(1));
        queue.AddAfter("c", TimeSpan.FromSeconds(2));
        await _time.WaitForTimersAsync();
        _time.Advance(TimeSpan.FromSeconds(1));
        var afterOneSecond = queue.Length;
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(1, afterOneSecond);
        Assert.Equal(["b", "c", "a"], [await queue.TakeAsync(), await queue.TakeAsync(), await queue.TakeAsync()]);
        Assert.Equal(0, _time.PendingTimers);
    }

    [Fact]
    public void AddAfter_ZeroOrNegativeDelay_AddsAtOnce()
    {
        using var queue = TestQueues.Create(_time);

        queue.AddAfter("a", TimeSpan.Zero);
        queue.AddAfter("b", TimeSpan.FromSeconds(-1));

        Assert.Equal(2, queue.Length);
        Assert.Equal(0, _time.PendingTimers);
    }

    [Fact]
    public void AddAfter_FarFuture_ReArmsUntilReady()
    {
        using var queue = TestQueues.Create(_time);

        queue.AddAfter("a", TimeSpan.FromDays(100));
        _time.Advance(TimeSpan.FromDays(100) - Tick);
        var earlyLength = queue.Length;
        _time.Advance(Tick);

        Assert.Equal(0, earlyLength);
        Assert.Equal(1, queue.Length);
    }

    [Fact]
    public async Task ShutDown_KeysWaitingForDelay_AreDropped()
    {
        using var queue = TestQueues.Create(_time);
        queue.AddAfter("a", TimeSpan.FromSeconds(1));
        await _time.WaitForTimersAsync();

        queue.ShutDown();
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(0, _time.PendingTimers);
        Assert.Equal(0, queue.Length);
    }

    [Fact]
    public async Task AddRateLimited_RepeatedFailures_WaitGrowsUntilForget()
    {
        using var queue = TestQueues.Create(_time, TestQueues.NoJitter());

        var firstWait = await FailAndMeasureAsync(queue);
        var secondWait = await FailAndMeasureAsync(queue);
        var requeues = queue.NumRequeues("a");
        queue.Forget("a");
        var forgotten = queue.NumRequeues("a");
        var afterForget = await FailAndMeasureAsync(queue);

        Assert.Equal(TimeSpan.FromMilliseconds(5), firstWait);
        Assert.Equal(TimeSpan.FromMilliseconds(10), secondWait);
        Assert.Equal(2, requeues);
        Assert.Equal(0, forgotten);
        Assert.Equal(TimeSpan.FromMilliseconds(5), afterForget);
    }

    /// <summary>Adds "a" rate-limited, steps the clock a millisecond at a time until it is ready and processes it.</summary>
    private async Task<TimeSpan> FailAndMeasureAsync(RateLimitingQueue<string> queue)
    {
        var start = _time.GetUtcNow();
        queue.AddRateLimited("a");
        await _time.WaitForTimersAsync();
        while (queue.Length == 0)
        {
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        queue.Done(await queue.TakeAsync());
        return _time.GetUtcNow() - start;
    }
}
