using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BucketOperator.Kubernetes.Queue;

/// <summary>
/// The work queue between event handlers and reconcile workers, with client-go's semantics:
/// <list type="bullet">
/// <item>Fair: keys are handed out in the order they were added.</item>
/// <item>Stingy: a key added many times before a worker takes it is processed once.</item>
/// <item>One worker per key: a key added while a worker holds it is processed again, once, after
/// <see cref="Done"/>, and never by two workers at once.</item>
/// <item>Delays: <see cref="AddAfter"/> holds a key until its time (the earliest, if added again meanwhile);
/// <see cref="AddRateLimited(TKey)"/> takes the delay from the rate limiter, whose failure count only
/// <see cref="Forget"/> resets.</item>
/// <item>Shutdown: <see cref="ShutDown"/> stops at once, <see cref="ShutDownWithDrainAsync"/> lets the workers
/// finish what is queued.</item>
/// </list>
/// A worker loops: <c>var (key, shuttingDown) = await queue.GetAsync(ct)</c>; stop if <c>shuttingDown</c>; else
/// process and call <see cref="Done"/> (in a <c>finally</c>), then <see cref="Forget"/> on success or
/// <see cref="AddRateLimited(TKey)"/> on failure. Metrics: <c>workqueue_*</c> on the runtime meter, tagged <c>name</c>.
/// </summary>
public sealed class RateLimitingQueue<TKey> : IDisposable
    where TKey : notnull
{
    private readonly WorkQueue<TKey> _queue;
    private readonly DelayedAdds<TKey> _delayed;
    private readonly IRateLimiter<TKey> _limiter;
    private readonly KeyValuePair<string, object?> _tag;

    public RateLimitingQueue(RateLimitingQueueOptions<TKey> options, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(options.Name);
        Name = options.Name;
        _queue = new WorkQueue<TKey>(options.Name, options.TimeProvider, logger ?? NullLogger.Instance);
        _delayed = new DelayedAdds<TKey>(options.TimeProvider, _queue.Add);
        _limiter = options.RateLimiter ?? DefaultControllerRateLimiter.Create<TKey>(options.TimeProvider);
        _tag = QueueMetrics.Tag(options.Name);
        QueueMetrics.Retries.Add(0, _tag);
    }

    public string Name { get; }

    /// <summary>Keys ready for a worker now (not counting keys waiting for a delay or held by workers).</summary>
    public int Length => _queue.Length;

    /// <summary>True once either shutdown has begun: adds are ignored from then on.</summary>
    public bool IsShuttingDown => _queue.IsShuttingDown;

    /// <summary>Queues <paramref name="key"/> unless it is already waiting for a worker; ignored after shutdown.</summary>
    public void Add(TKey key) => _queue.Add(key);

    /// <summary>
    /// Adds <paramref name="key"/> once <paramref name="delay"/> has passed (at once if it is zero or negative).
    /// A key already waiting keeps the earlier of its two ready times. Ignored after shutdown.
    /// </summary>
    public void AddAfter(TKey key, TimeSpan delay)
    {
        if (_queue.IsShuttingDown)
        {
            return;
        }

        QueueMetrics.Retries.Add(1, _tag);
        if (delay <= TimeSpan.Zero)
        {
            _queue.Add(key);
        }
        else
        {
            _delayed.Add(key, delay);
        }
    }

    /// <summary>Records a failure of <paramref name="key"/> with the rate limiter and adds it after the delay it returns.</summary>
    public void AddRateLimited(TKey key)
    {
        if (!_queue.IsShuttingDown)
        {
            AddAfter(key, _limiter.When(key));
        }
    }

    /// <summary>
    /// As <see cref="AddRateLimited(TKey)"/>, but never sooner than <paramref name="notBefore"/> (e.g. a provider's
    /// retry-after): the failure still counts toward the key's backoff.
    /// </summary>
    public void AddRateLimited(TKey key, TimeSpan notBefore)
    {
        if (!_queue.IsShuttingDown)
        {
            var backoff = _limiter.When(key);
            AddAfter(key, backoff > notBefore ? backoff : notBefore);
        }
    }

    /// <summary>Resets the failure count of <paramref name="key"/>; does not remove it from the queue.</summary>
    public void Forget(TKey key) => _limiter.Forget(key);

    /// <summary>Failures of <paramref name="key"/> recorded by <see cref="AddRateLimited(TKey)"/> since it was last forgotten.</summary>
    public int NumRequeues(TKey key) => _limiter.NumRequeues(key);

    /// <summary>
    /// Waits, without polling, for a key and hands it to the caller, who holds it until <see cref="Done"/>.
    /// Returns <c>ShuttingDown = true</c> (and a default key) when there will be no more work: at once after
    /// <see cref="ShutDown"/>, and after <see cref="ShutDownWithDrainAsync"/> once nothing is queued or held.
    /// Throws <see cref="OperationCanceledException"/> if <paramref name="cancellationToken"/> fires first.
    /// </summary>
    public ValueTask<(TKey Key, bool ShuttingDown)> GetAsync(CancellationToken cancellationToken = default) =>
        _queue.GetAsync(cancellationToken);

    /// <summary>
    /// Ends the processing of a key taken with <see cref="GetAsync"/>; if it was added meanwhile it is queued
    /// again. A key that is not held is ignored (and logged).
    /// </summary>
    public void Done(TKey key) => _queue.Done(key);

    /// <summary>
    /// Stops the queue: adds are ignored, keys waiting for a delay are dropped, waiting workers are told to stop
    /// and queued keys are not handed out any more. Workers still holding keys may call <see cref="Done"/>.
    /// </summary>
    public void ShutDown()
    {
        _queue.ShutDown();
        _delayed.Dispose();
    }

    /// <summary>
    /// Stops accepting adds (keys waiting for a delay are dropped) but keeps handing out queued keys, and
    /// completes once no key is queued or held; running workers are told to stop at that point. Needs the
    /// workers to keep running to empty the queue: cancel <paramref name="cancellationToken"/> to stop waiting.
    /// </summary>
    public Task ShutDownWithDrainAsync(CancellationToken cancellationToken = default)
    {
        _delayed.Dispose();
        return _queue.ShutDownWithDrainAsync(cancellationToken);
    }

    /// <summary>Same as <see cref="ShutDown"/>.</summary>
    public void Dispose() => ShutDown();
}
