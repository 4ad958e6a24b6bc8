using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Queue;
using Microsoft.Extensions.Logging;

namespace BucketOperator.Kubernetes.Controller;

/// <summary>
/// Workers that take keys from a rate-limited queue and reconcile them (controller-runtime's controller).
/// Event handlers on the informers fill the queue; see <see cref="ControllerBuilder{T}"/>. The result decides
/// what happens to the key: done → its backoff is forgotten; requeue after → forgotten and added after the
/// delay; retry or exception → added with per-key exponential backoff; terminal exception → forgotten, not
/// added. Exceptions never stop a worker.
/// </summary>
public sealed class Controller<T>
    where T : class, IKubernetesObject
{
    private readonly IReconciler<T> _reconciler;
    private readonly IReadOnlyList<Func<CancellationToken, Task>> _waitForCaches;
    private readonly ControllerOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly KeyValuePair<string, object?> _tag;

    internal Controller(
        string name,
        IReconciler<T> reconciler,
        RateLimitingQueue<ObjectKey> queue,
        IReadOnlyList<Func<CancellationToken, Task>> waitForCaches,
        ControllerOptions options,
        ILogger logger,
        TimeProvider time)
    {
        Name = name;
        Queue = queue;
        _reconciler = reconciler;
        _waitForCaches = waitForCaches;
        _options = options;
        _logger = logger;
        _time = time;
        _tag = new("controller", name);
        // Shown at 0 from the start, as controller-runtime does: an exporter shows only what was recorded.
        ControllerMetrics.Errors.Add(0, _tag);
        ControllerMetrics.TerminalErrors.Add(0, _tag);
    }

    public string Name { get; }

    /// <summary>The controller's queue; handlers add keys, and tests or other components may too.</summary>
    public RateLimitingQueue<ObjectKey> Queue { get; }

    /// <summary>
    /// Waits for the caches, then reconciles until <paramref name="cancellationToken"/> fires. Shutdown stops
    /// taking keys, gives in-flight reconciles <see cref="ControllerOptions.ShutdownTimeout"/> to finish (their
    /// token is cancelled after it), then returns.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Log.Starting(_logger, Name, _options.Workers);
        using (var syncDeadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            syncDeadline.CancelAfter(_options.CacheSyncTimeout);
            try
            {
                await Task.WhenAll(_waitForCaches.Select(wait => wait(syncDeadline.Token)));
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Controller {Name}: caches did not sync within {_options.CacheSyncTimeout}.");
            }
            catch (OperationCanceledException)
            {
                // Stopped before the caches synced: nothing started, nothing to stop.
                return;
            }
        }

        Log.Started(_logger, Name);
        using var abandon = new CancellationTokenSource();
        var workers = Enumerable.Range(0, _options.Workers).Select(_ => Task.Run(() => WorkAsync(abandon.Token), CancellationToken.None)).ToList();
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Shutdown requested: fall through to stop the workers.
        }

        Log.Stopping(_logger, Name);
        Queue.ShutDown();
        var all = Task.WhenAll(workers);
        if (await Task.WhenAny(all, Task.Delay(_options.ShutdownTimeout, _time, CancellationToken.None)) != all)
        {
            Log.Abandoned(_logger, Name, _options.ShutdownTimeout);
            await abandon.CancelAsync();
            await all;
        }
    }

    private async Task WorkAsync(CancellationToken abandon)
    {
        while (true)
        {
            var (key, shuttingDown) = await Queue.GetAsync(CancellationToken.None);
            if (shuttingDown)
            {
                return;
            }

            ControllerMetrics.ActiveWorkers.Add(1, _tag);
            try
            {
                await ReconcileAsync(key, abandon);
            }
            finally
            {
                ControllerMetrics.ActiveWorkers.Add(-1, _tag);
                Queue.Done(key);
            }
        }
    }

    private async Task ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var reconcileId = Guid.NewGuid().ToString("N")[..12];
        using var scope = _logger.BeginScope(new ReconcileScope(Name, key, reconcileId));
        var started = _time.GetTimestamp();
        string result;
        try
        {
            var outcome = await _reconciler.ReconcileAsync(key, cancellationToken);
            result = Apply(key, outcome);
        }
        catch (TerminalReconcileException e)
        {
            Queue.Forget(key);
            ControllerMetrics.TerminalErrors.Add(1, _tag);
            Log.ReconcileTerminal(_logger, e, key);
            result = "terminal_error";
        }
        catch (KubernetesApiException e) when (e.IsConflict)
        {
            // The cache was behind a write (often our own): normal under optimistic concurrency, not an error.
            Queue.AddRateLimited(key);
            Log.ReconcileConflict(_logger, key, e.Message);
            result = "conflict";
        }
        catch (Exception e)
        {
            // Any exception, a bug included: the key comes back with backoff, the worker lives on.
            Queue.AddRateLimited(key);
            ControllerMetrics.Errors.Add(1, _tag);
            Log.ReconcileFailed(_logger, e, key);
            result = "error";
        }

        var elapsed = _time.GetElapsedTime(started);
        ControllerMetrics.Duration.Record(elapsed.TotalSeconds, _tag);
        ControllerMetrics.Reconciles.Add(1, _tag, new("result", result));
        Log.Reconciled(_logger, key, result, elapsed);
    }

    private string Apply(ObjectKey key, ReconcileResult outcome)
    {
        switch (outcome.Outcome)
        {
            case ReconcileOutcome.RequeueAfter:
                Queue.Forget(key);
                Queue.AddAfter(key, outcome.After ?? TimeSpan.Zero);
                return "requeue_after";
            case ReconcileOutcome.Retry:
                Queue.AddRateLimited(key, outcome.After ?? TimeSpan.Zero);
                return "retry";
            default:
                Queue.Forget(key);
                return "success";
        }
    }
}
