using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Benchmarks.Reconcile;

/// <summary>
/// Just enough of an API server, in memory, to arrange objects (create, status update) and serve an informer's
/// list; its watches stay silent. Once <see cref="Freeze"/> is called every write fails, so a benchmark of an
/// unchanged object proves it costs no Kubernetes write. Selectors are ignored: it holds only what the benchmark puts in.
/// </summary>
internal sealed class InMemoryKubernetesClient(TimeProvider time) : IKubernetesClient
{
    private readonly ConcurrentDictionary<(Type Kind, ObjectKey Key), object> _objects = new();
    private long _version;
    private bool _frozen;

    public void Freeze() => _frozen = true;

    public Task<T?> GetAsync<T>(string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject =>
        Task.FromResult(_objects.TryGetValue((typeof(T), new ObjectKey(@namespace, name)), out var found) ? (T?)found : default);

    public Task<KubernetesList<T>> ListAsync<T>(string? @namespace = null, ListOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject =>
        Task.FromResult(new KubernetesList<T>(
            [.. _objects.Where(p => p.Key.Kind == typeof(T) && (@namespace is null || p.Key.Key.Namespace == @namespace)).Select(p => (T)p.Value)],
            metadata: new V1ListMeta { ResourceVersion = Interlocked.Read(ref _version).ToString(CultureInfo.InvariantCulture) }));

    public Task<T> CreateAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject
    {
        obj.Metadata.Uid ??= Guid.NewGuid().ToString();
        obj.Metadata.Generation = 1;
        obj.Metadata.CreationTimestamp = time.GetUtcNow().UtcDateTime;
        return Task.FromResult(Store(obj));
    }

    public Task<T> ReplaceStatusAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject => Task.FromResult(Store(obj));

    public Task<T> ReplaceAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject => throw Unexpected<T>("update");

    public Task<T> PatchAsync<T>(string name, string? @namespace, Patch patch, PatchOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject => throw Unexpected<T>("patch");

    public Task<T> PatchStatusAsync<T>(string name, string? @namespace, Patch patch, PatchOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject => throw Unexpected<T>("status patch");

    public Task<bool> DeleteAsync<T>(string name, string? @namespace = null, DeleteOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject => throw Unexpected<T>("delete");

    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(string? @namespace = null, ListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, time, cancellationToken);
        yield break;
    }

    private T Store<T>(T obj)
        where T : class, IKubernetesObject
    {
        if (_frozen)
        {
            throw Unexpected<T>("write");
        }

        obj.Metadata.ResourceVersion = Interlocked.Increment(ref _version).ToString(CultureInfo.InvariantCulture);
        _objects[(typeof(T), ObjectKey.Of(obj))] = obj;
        return obj;
    }

    private InvalidOperationException Unexpected<T>(string what)
        where T : class, IKubernetesObject =>
        new($"a {what} of a {ResourceType.Of<T>().Kind}{(_frozen ? " after the objects were arranged: the reconcile of an unchanged object must not write" : ", which this in-memory client does not offer")}");
}
