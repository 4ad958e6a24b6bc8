using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Kubernetes.Cache;

/// <summary>
/// Reads from an informer's cache. Objects returned are the cache's own instances, shared with every other reader
/// and handler, and must not be changed: build a write from a copy (a <c>with</c> expression whose changed parts are
/// new, or a new object), as controller-runtime's cache readers require. The contract is checked in tests
/// (<see cref="InformerOptions.CheckReadOnly"/>). The cache may lag the server: reconcilers must be level-based and
/// rely on the server's optimistic concurrency for writes.
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
