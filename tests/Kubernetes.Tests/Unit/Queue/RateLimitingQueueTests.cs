using BucketOperator.TestSupport;

namespace BucketOperator.Kubernetes.Tests.Unit.Queue;

public sealed class RateLimitingQueueTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Add_SameKeyThreeTimes_HandedOutOnce()
    {
        using var queue = TestQueues.Create(_time);

        queue.Add("a");
        queue.Add("a");
        queue.Add("a");

        Assert.Equal(1, queue.Length);
        Assert.Equal("a", await queue.TakeAsync());
        TestQueues.AssertIdle(queue);
    }

    [Fact]
    public async Task Add_SeveralKeys_HandedOutInOrder()
    {
        using var queue = TestQueues.Create(_time);

        queue.Add("a");
        queue.Add("b");
        queue.Add("a");
        queue.Add("c");

        Assert.Equal(["a", "b", "c"], [await queue.TakeAsync(), await queue.TakeAsync(), await queue.TakeAsync()]);
    }

    [Fact]
    public async Task Add_WhileProcessing_RequeuedOnceOnDone()
    {
        using var queue = TestQueues.Create(_time);
        queue.Add("a");
        var key = await queue.TakeAsync();

        queue.Add("a");
        queue.Add("a");
        var second = queue.GetAsync();
        var heldByAnotherWorker = second.IsCompleted || queue.Length != 0;
        queue.Done(key);

        Assert.False(heldByAnotherWorker);
        Assert.Equal(("a", false), await second.Guarded());
        queue.Done("a");
        TestQueues.AssertIdle(queue);
    }

    [Fact]
    public async Task Done_KeyNotHeld_IsIgnored()
    {
        using var queue = TestQueues.Create(_time);
        queue.Add("a");

        queue.Done("a");
        queue.Done("b");

        Assert.Equal(1, queue.Length);
        Assert.Equal("a", await queue.TakeAsync());
        queue.Done("a");
        queue.Done("a");
        Assert.Equal(0, queue.Length);
    }

    [Fact]
    public async Task GetAsync_WorkerWaiting_WakesOnAddWithoutClockOrTimer()
    {
        using var queue = TestQueues.Create(_time);
        var get = queue.GetAsync();
        var timersWhileWaiting = _time.PendingTimers;

        queue.Add("a");

        Assert.Equal(("a", false), await get.Guarded());
        Assert.Equal(0, timersWhileWaiting);
        Assert.Equal(0, _time.PendingTimers);
    }

    [Fact]
    public async Task GetAsync_Cancelled_ThrowsAndKeyGoesToNextWorker()
    {
        using var queue = TestQueues.Create(_time);
        using var cancel = new CancellationTokenSource();
        var first = queue.GetAsync(cancel.Token).AsTask();
        var second = queue.GetAsync();

        await cancel.CancelAsync();
        queue.Add("a");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal(("a", false), await second.Guarded());
    }

    [Fact]
    public async Task ShutDown_WorkersWaiting_WakesThemAll()
    {
        using var queue = TestQueues.Create(_time);
        var first = queue.GetAsync();
        var second = queue.GetAsync();

        queue.ShutDown();

        Assert.True((await first.Guarded()).ShuttingDown);
        Assert.True((await second.Guarded()).ShuttingDown);
    }

    [Fact]
    public async Task ShutDown_KeysQueued_NotHandedOut()
    {
        using var queue = TestQueues.Create(_time);
        queue.Add("a");

        queue.ShutDown();

        Assert.True((await queue.GetAsync().Guarded()).ShuttingDown);
    }

    [Fact]
    public async Task ShutDown_ThenAdds_AreIgnored()
    {
        var limiter = TestQueues.NoJitter();
        using var queue = TestQueues.Create(_time, limiter);

        queue.ShutDown();
        queue.Add("a");
        queue.AddAfter("b", TimeSpan.FromSeconds(1));
        queue.AddAfter("c", TimeSpan.Zero);
        queue.AddRateLimited("d");
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.True(queue.IsShuttingDown);
        Assert.Equal(0, queue.Length);
        Assert.Equal(0, _time.PendingTimers);
        Assert.Equal(0, limiter.NumRequeues("d"));
        Assert.True((await queue.GetAsync().Guarded()).ShuttingDown);
    }

    [Fact]
    public async Task ShutDown_KeyHeld_DoneStillAccepted()
    {
        using var queue = TestQueues.Create(_time);
        queue.Add("a");
        var key = await queue.TakeAsync();
        queue.Add("a");

        queue.ShutDown();
        queue.Done(key);

        Assert.True((await queue.GetAsync().Guarded()).ShuttingDown);
    }

    [Fact]
    public async Task ShutDownWithDrain_KeysInFlight_CompletesOnlyAfterEveryDone()
    {
        using var queue = TestQueues.Create(_time);
        queue.Add("a");
        queue.Add("b");
        var a = await queue.TakeAsync();

        var drain = queue.ShutDownWithDrainAsync();
        queue.Add("c");
        var b = await queue.TakeAsync();
        queue.Done(a);
        var completedBeforeLastDone = drain.IsCompleted;
        queue.Done(b);

        Assert.Equal(["a", "b"], [a, b]);
        Assert.False(completedBeforeLastDone);
        await drain.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True((await queue.GetAsync().Guarded()).ShuttingDown);
    }

    [Fact]
    public async Task ShutDownWithDrain_KeyAddedWhileHeld_ProcessedAgainBeforeDrained()
    {
        using var queue = TestQueues.Create(_time);
        queue.Add("a");
        var first = await queue.TakeAsync();
        queue.Add("a");
        var drain = queue.ShutDownWithDrainAsync();
        var waitingWorker = queue.GetAsync();

        queue.Done(first);

        Assert.Equal(("a", false), await waitingWorker.Guarded());
        Assert.False(drain.IsCompleted);
        var lastWorker = queue.GetAsync();
        queue.Done("a");
        await drain.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True((await lastWorker.Guarded()).ShuttingDown);
    }

    [Fact]
    public async Task ShutDownWithDrain_Cancelled_StopsWaiting()
    {
        using var queue = TestQueues.Create(_time);
        queue.Add("a");
        await queue.TakeAsync();
        using var cancel = new CancellationTokenSource();

        var drain = queue.ShutDownWithDrainAsync(cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => drain);
    }
}
