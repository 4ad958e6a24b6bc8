using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using BucketOperator.ControlPlane;
using BucketOperator.Entities;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Benchmarks.Measurement;

/// <summary>
/// When the operator's watch delivered each new ObjectBucket, and when the operator first wrote to it. For a new
/// object the reconcile's first request is its finalizer patch, made after nothing but cache reads and validation,
/// so the gap between the two is the time from watch event to reconcile start.
/// </summary>
internal sealed class FirstTouchRecorder(IKubernetesClient inner, TimeProvider time) : DelegatingKubernetesClient(inner)
{
    private readonly ConcurrentDictionary<string, long> _added = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _firstWrite = new(StringComparer.Ordinal);

    /// <summary>Monotonic timestamp (<see cref="TimeProvider.GetTimestamp"/>) of the ADDED event, if one arrived.</summary>
    public long? AddedAt(string name) => _added.TryGetValue(name, out var at) ? at : null;

    public long? FirstWriteAt(string name) => _firstWrite.TryGetValue(name, out var at) ? at : null;

    public override async IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(string? @namespace = null, ListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var watchEvent in base.WatchAsync<T>(@namespace, options, cancellationToken))
        {
            if (watchEvent is { Type: WatchEventType.Added, Object: ObjectBucket bucket })
            {
                _added.TryAdd(bucket.Metadata.Name!, time.GetTimestamp());
            }

            yield return watchEvent;
        }
    }

    public override Task<T> PatchAsync<T>(string name, string? @namespace, Patch patch, PatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        Touch<T>(name);
        return base.PatchAsync<T>(name, @namespace, patch, options, cancellationToken);
    }

    public override Task<T> ReplaceStatusAsync<T>(T obj, CancellationToken cancellationToken = default)
    {
        Touch<T>(obj.Metadata.Name!);
        return base.ReplaceStatusAsync(obj, cancellationToken);
    }

    private void Touch<T>(string name)
        where T : class, IKubernetesObject
    {
        if (ResourceType.Of<T>() == ResourceType.Of<ObjectBucket>())
        {
            _firstWrite.TryAdd(name, time.GetTimestamp());
        }
    }
}
