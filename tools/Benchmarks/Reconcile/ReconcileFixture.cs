using BucketOperator.Benchmarks.World;
using BucketOperator.Entities;
using BucketOperator.Kubernetes.Cache;
using BucketOperator.Kubernetes.Controller;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Latitude;
using BucketOperator.Latitude.Simulator;
using BucketOperator.Operator.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace BucketOperator.Benchmarks.Reconcile;

/// <summary>
/// The operator's reconciler as the runtime builds it, over real informer caches fed by an in-memory client, with
/// one Available ObjectBucket and its Secret; the Latitude simulator (in this process, no S3) answers the one
/// bucket list that the first reconcile makes and the inventory then reuses.
/// </summary>
internal sealed class ReconcileFixture : IAsyncDisposable
{
    private const string Namespace = "bench";

    private readonly LatitudeSimulator _simulator;
    private readonly HttpClient _latitudeHttp;
    private readonly CancellationTokenSource _stop;
    private readonly Task _informers;

    private ReconcileFixture(LatitudeSimulator simulator, HttpClient latitudeHttp, CancellationTokenSource stop, Task informers, IReconciler<ObjectBucket> reconciler, ICacheReader<ObjectBucket> buckets, ICacheReader<V1Secret> secrets, ObjectKey key)
    {
        _simulator = simulator;
        _latitudeHttp = latitudeHttp;
        _stop = stop;
        _informers = informers;
        Reconciler = reconciler;
        Buckets = buckets;
        Secrets = secrets;
        Key = key;
    }

    public IReconciler<ObjectBucket> Reconciler { get; }

    public ICacheReader<ObjectBucket> Buckets { get; }

    public ICacheReader<V1Secret> Secrets { get; }

    public ObjectKey Key { get; }

    public static async Task<ReconcileFixture> StartAsync()
    {
        var time = TimeProvider.System;
        var simulator = await LatitudeSimulator.StartAsync(LatitudeAccess.UnlimitedSimulator);
        var client = new InMemoryKubernetesClient(time);
        ObjectBucket bucket;
        using (var access = new LatitudeAccess(simulator))
        {
            bucket = await new AvailableBuckets(client, access.Client, time).CreateAsync(Namespace, "unchanged", CancellationToken.None);
        }

        client.Freeze();
        var informers = new InformerFactory(client, time: time);
        var bucketCache = informers.For<ObjectBucket>(new InformerOptions { Namespaces = [Namespace], Json = BucketOperatorRuntime.Json });
        var secretCache = informers.For<V1Secret>(new InformerOptions { Namespaces = [Namespace], Json = BucketOperatorRuntime.Json });
        var options = InProcessOperator.OptionsFor(simulator) with { ResyncPeriod = TimeSpan.FromHours(1) };
        BucketOperatorRuntime.AddIndexes(bucketCache, options);
        var stop = new CancellationTokenSource();
        var running = informers.RunAsync(stop.Token);
        await bucketCache.WaitForSyncAsync();
        await secretCache.WaitForSyncAsync();

        // One list serves an hour of drift checks (options above): every measured reconcile is a resync's, after the first.
        var latitudeOptions = new LatitudeClientOptions { BaseAddress = simulator.BaseAddress };
        var http = LatitudeClientFactory.CreateHttpClient(latitudeOptions);
        var reconciler = BucketOperatorRuntime.CreateReconciler(
            bucketCache.Cache, secretCache.Cache, secretCache.Cache, client, options, new LatitudeClientFactory(http, latitudeOptions, time), NullLoggerFactory.Instance, time);
        var key = ObjectKey.Of(bucket);
        var first = await reconciler.ReconcileAsync(key, CancellationToken.None);
        if (first != ReconcileResult.Done)
        {
            throw new InvalidOperationException($"the arranged object is not Available to the reconciler: {first}");
        }

        return new ReconcileFixture(simulator, http, stop, running, reconciler, bucketCache.Cache, secretCache.Cache, key);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _informers;
        _stop.Dispose();
        _latitudeHttp.Dispose();
        await _simulator.DisposeAsync();
    }
}
