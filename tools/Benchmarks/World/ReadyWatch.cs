using System.Collections.Concurrent;
using BucketOperator.Entities;
using BucketOperator.Kubernetes.Cache;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Helpers;
using BucketOperator.Operator.Hosting;

namespace BucketOperator.Benchmarks.World;

/// <summary>
/// Watches a namespace's ObjectBuckets as a user's tool would and notes when each first showed <c>Ready=True</c>
/// for its current generation (monotonic timestamps), so waiting costs no polling of the API server.
/// </summary>
internal sealed class ReadyWatch : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, long> _readyAt = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Informer<ObjectBucket> _informer;
    private readonly Task _running;
    private readonly TimeProvider _time;

    private ReadyWatch(IKubernetesClient client, string @namespace, TimeProvider time)
    {
        _time = time;
        _informer = new Informer<ObjectBucket>(client, new InformerOptions { Namespaces = [@namespace], Json = BucketOperatorRuntime.Json }, time: time);
        _informer.AddEventHandler(new ResourceEventHandler<ObjectBucket>(Observe));
        _running = _informer.RunAsync(_stop.Token);
    }

    public static async Task<ReadyWatch> StartAsync(IKubernetesClient client, string @namespace, TimeProvider time, CancellationToken cancellationToken)
    {
        var watch = new ReadyWatch(client, @namespace, time);
        await watch._informer.WaitForSyncAsync(cancellationToken);
        return watch;
    }

    public int ReadyCount => _readyAt.Count;

    public long? ReadyAt(string name) => _readyAt.TryGetValue(name, out var at) ? at : null;

    /// <summary>Waits until every one of <paramref name="names"/> has been Ready; fails with the stragglers' names after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(IReadOnlyCollection<string> names, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        while (names.Any(n => !_readyAt.ContainsKey(n)))
        {
            if (_time.GetElapsedTime(started) > timeout)
            {
                var missing = names.Where(n => !_readyAt.ContainsKey(n)).ToList();
                throw new TimeoutException($"{missing.Count} of {names.Count} ObjectBuckets not Ready after {timeout.TotalSeconds:0} s, e.g. {string.Join(", ", missing.Take(5))}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5), _time, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running;
        _informer.Dispose();
        _stop.Dispose();
    }

    private void Observe(ObjectBucket bucket)
    {
        var ready = Conditions.Find(bucket.Status?.Conditions, ObjectBucketNames.ReadyCondition);
        if (ready is { Status: "True" } && ready.ObservedGeneration == bucket.Metadata.Generation)
        {
            _readyAt.TryAdd(bucket.Metadata.Name!, _time.GetTimestamp());
        }
    }
}
