using BucketOperator.Kubernetes.Queue;

namespace BucketOperator.Kubernetes.Tests.Unit.Queue;

internal static class TestQueues
{
    public static RateLimitingQueue<string> Create(TimeProvider time, IRateLimiter<string>? limiter = null, string name = "test") =>
        new(new RateLimitingQueueOptions<string> { Name = name, TimeProvider = time, RateLimiter = limiter });

    /// <summary>A key that has no backoff, so delays in a test come only from the test itself.</summary>
    public static ExponentialFailureRateLimiter<string> NoJitter() => new(jitter: 0);

    /// <summary>Fails the test instead of hanging when a get never completes; not a timing assertion.</summary>
    public static Task<(string Key, bool ShuttingDown)> Guarded(this ValueTask<(string Key, bool ShuttingDown)> get) =>
        get.AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>Nothing is queued: a worker asking now would have to wait.</summary>
    public static void AssertIdle(RateLimitingQueue<string> queue)
    {
        Assert.Equal(0, queue.Length);
        Assert.False(queue.GetAsync().AsTask().IsCompleted);
    }

    public static async Task<string> TakeAsync(this RateLimitingQueue<string> queue)
    {
        var (key, shuttingDown) = await queue.GetAsync().Guarded();
        Assert.False(shuttingDown);
        return key;
    }
}
