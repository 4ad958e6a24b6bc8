using System.Collections.Concurrent;
using BucketOperator.Kubernetes.Cache;
using BucketOperator.Kubernetes.Controller;
using BucketOperator.Kubernetes.Helpers;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Queue;
using BucketOperator.TestSupport;

namespace BucketOperator.Kubernetes.Tests.Integration;

public sealed class ControllerTests(ControlPlaneFixture fixture) : NamespacedTest(fixture), IDisposable
{
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromMinutes(2));
    private readonly ScriptedReconciler _reconciler = new();

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    [Fact]
    public async Task Controller_OwnedSecretChanges_ReconcilesItsOwner()
    {
        await StartAsync();
        var owner = await Client.CreateAsync(ConfigMap("owner"));
        await Eventually.TrueAsync(() => Task.FromResult(_reconciler.Count("owner") >= 1), "the owner reconciled");
        var secret = new V1Secret { Metadata = new V1ObjectMeta { Name = "owned", NamespaceProperty = Namespace }, StringData = new Dictionary<string, string> { ["k"] = "v" } };
        Ownership.SetControllerReference(owner, secret);
        var beforeCreate = _reconciler.Count("owner");
        await Client.CreateAsync(secret);
        await Eventually.TrueAsync(() => Task.FromResult(_reconciler.Count("owner") > beforeCreate), "the owner reconciled for the Secret's create");
        var beforeDelete = _reconciler.Count("owner");

        await Client.DeleteAsync<V1Secret>("owned", Namespace);

        // Separate waits: two quick events for one key may rightly coalesce into one reconcile.
        await Eventually.TrueAsync(() => Task.FromResult(_reconciler.Count("owner") > beforeDelete), "the owner reconciled for the Secret's delete");
        Assert.Equal(0, _reconciler.Count("owned"));
    }

    [Fact]
    public async Task Controller_ReconcileThrows_RetriedWithBackoffUntilItSucceeds()
    {
        _reconciler.Script("flaky", Enumerable.Repeat<Func<ReconcileResult>>(() => throw new InvalidOperationException("transient"), 3));
        var controller = await StartAsync();

        await Client.CreateAsync(ConfigMap("flaky"));

        await Eventually.TrueAsync(() => Task.FromResult(_reconciler.Count("flaky") == 4), "three failures then a success");
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.Equal(4, _reconciler.Count("flaky"));
        Assert.Equal(0, controller.Queue.NumRequeues(new ObjectKey(Namespace, "flaky")));
    }

    [Fact]
    public async Task Controller_TerminalError_NotRetriedUntilTheObjectChanges()
    {
        _reconciler.Script("bad", [() => throw new TerminalReconcileException("invalid spec")]);
        await StartAsync();

        var created = await Client.CreateAsync(ConfigMap("bad"));
        await Eventually.TrueAsync(() => Task.FromResult(_reconciler.Count("bad") == 1), "one reconcile");
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var beforeChange = _reconciler.Count("bad");
        await Client.ReplaceAsync(created with { Data = new Dictionary<string, string> { ["v"] = "fixed" } });

        await Eventually.TrueAsync(() => Task.FromResult(_reconciler.Count("bad") == 2), "a reconcile after the change");
        Assert.Equal(1, beforeChange);
    }

    [Fact]
    public async Task Controller_RequeueAfter_ReconcilesAgainAfterTheDelay()
    {
        _reconciler.Script("poll", [() => ReconcileResult.RequeueAfter(TimeSpan.FromMilliseconds(200))]);
        await StartAsync();

        await Client.CreateAsync(ConfigMap("poll"));

        await Eventually.TrueAsync(() => Task.FromResult(_reconciler.Count("poll") >= 2), "a second reconcile without any change");
    }

    [Fact]
    public async Task Controller_ManyWorkersManyChanges_NeverReconcilesOneKeyTwiceAtOnce()
    {
        _reconciler.Slow = TimeSpan.FromMilliseconds(20);
        await StartAsync(workers: 8);
        var objects = new List<V1ConfigMap>();
        for (var i = 0; i < 5; i++)
        {
            objects.Add(await Client.CreateAsync(ConfigMap($"busy{i}")));
        }

        for (var round = 0; round < 6; round++)
        {
            for (var i = 0; i < objects.Count; i++)
            {
                objects[i] = await Client.ReplaceAsync(objects[i] with { Data = new Dictionary<string, string> { ["v"] = $"{round}" } });
            }
        }

        await Eventually.TrueAsync(() => Task.FromResult(objects.All(o => _reconciler.LastSeen(o.Metadata.Name!) == "5")), "every final state reconciled");
        Assert.Equal(0, _reconciler.Overlaps);
    }

    private async Task<Controller<V1ConfigMap>> StartAsync(int workers = 2)
    {
        var informers = new InformerFactory(Client);
        var options = new InformerOptions { Namespaces = [Namespace] };
        var controller = new ControllerBuilder<V1ConfigMap>(informers)
            .For(options)
            .Owns<V1Secret>(options)
            .WithOptions(new ControllerOptions { Workers = workers })
            .Complete(_reconciler.WithCache(informers.For<V1ConfigMap>()), new ExponentialFailureRateLimiter<ObjectKey>(TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(1)));
        _ = informers.RunAsync(_stop.Token);
        _ = controller.RunAsync(_stop.Token);
        await informers.For<V1ConfigMap>().WaitForSyncAsync(_stop.Token);
        return controller;
    }

    private V1ConfigMap ConfigMap(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
        Data = new Dictionary<string, string> { ["v"] = "0" },
    };

    /// <summary>Counts reconciles per name, follows a per-name script of results, and detects two reconciles of one key at once.</summary>
    private sealed class ScriptedReconciler : IReconciler<V1ConfigMap>
    {
        private readonly ConcurrentDictionary<string, int> _counts = new();
        private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<ReconcileResult>>> _scripts = new();
        private readonly ConcurrentDictionary<string, string?> _lastSeen = new();
        private readonly ConcurrentDictionary<string, int> _running = new();
        private ICacheReader<V1ConfigMap>? _cache;
        private int _overlaps;

        public TimeSpan Slow { get; set; }

        public int Overlaps => _overlaps;

        public ScriptedReconciler WithCache(Informer<V1ConfigMap> informer)
        {
            _cache = informer.Cache;
            return this;
        }

        public void Script(string name, IEnumerable<Func<ReconcileResult>> results) => _scripts[name] = new ConcurrentQueue<Func<ReconcileResult>>(results);

        public int Count(string name) => _counts.GetValueOrDefault(name);

        public string? LastSeen(string name) => _lastSeen.GetValueOrDefault(name);

        public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
        {
            if (_running.AddOrUpdate(key.Name, 1, (_, n) => n + 1) > 1)
            {
                Interlocked.Increment(ref _overlaps);
            }

            try
            {
                await Task.Delay(Slow, cancellationToken);
                _counts.AddOrUpdate(key.Name, 1, (_, n) => n + 1);
                _lastSeen[key.Name] = _cache?.Get(key)?.Data?["v"];
                return _scripts.TryGetValue(key.Name, out var script) && script.TryDequeue(out var next) ? next() : ReconcileResult.Done;
            }
            finally
            {
                _running.AddOrUpdate(key.Name, 0, (_, n) => n - 1);
            }
        }
    }
}
