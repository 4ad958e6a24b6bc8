using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Kubernetes.Cache;

/// <summary>
/// Reads from an informer's cache. Every object returned is a deep copy: callers may change it freely
/// (e.g. to build an update) without corrupting the cache. The cache may lag the server: reconcilers
/// must be level-based and rely on the server's optimistic concurrency for writes.
/// </summary>
public interface ICacheReader<T>
    where T : class, IKubernetesObject
{
    T? Get(ObjectKey key);

    /// <summary>All cached objects, or those of one namespace.</summary>
    IReadOnlyList<T> List(string? @namespace = null);

    /// <summary>Objects whose index function returned <paramref name="value"/> for index <paramref name="indexName"/>.</summary>
    IReadOnlyList<T> ByIndex(string indexName, string value);
}
