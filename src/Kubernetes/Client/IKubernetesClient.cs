using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Kubernetes.Client;

/// <summary>
/// Typed access to the API server. Each kind's REST path comes from its <see cref="KubernetesEntityAttribute"/>
/// (<see cref="ResourceType.Of{T}"/>). Failures throw <see cref="KubernetesApiException"/>,
/// except reads of a missing object (null) and deletes of one (false).
/// </summary>
public interface IKubernetesClient
{
    /// <summary>The object, or null when it does not exist.</summary>
    Task<T?> GetAsync<T>(string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject;

    /// <summary>One page; follow <see cref="V1ListMeta.ContinueProperty"/> for more. A null namespace lists all namespaces.</summary>
    Task<KubernetesList<T>> ListAsync<T>(string? @namespace = null, ListOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject;

    /// <summary>Creates the object in <c>metadata.namespace</c>; 409 AlreadyExists if the name is taken.</summary>
    Task<T> CreateAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject;

    /// <summary>PUT. When <c>metadata.resourceVersion</c> is set the server rejects a stale write with 409 Conflict.</summary>
    Task<T> ReplaceAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject;

    Task<T> PatchAsync<T>(string name, string? @namespace, Patch patch, PatchOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject;

    /// <summary>PUT to the <c>status</c> subresource (spec changes in the body are ignored by the server).</summary>
    Task<T> ReplaceStatusAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject;

    Task<T> PatchStatusAsync<T>(string name, string? @namespace, Patch patch, PatchOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject;

    /// <summary>True when the server accepted the delete (the object may linger while finalizers run); false when it did not exist.</summary>
    Task<bool> DeleteAsync<T>(string name, string? @namespace = null, DeleteOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject;

    /// <summary>
    /// One watch connection, from <see cref="ListOptions.ResourceVersion"/>, with bookmarks requested. The
    /// sequence ends when the server closes the stream; a 410 Gone / Expired throws
    /// <see cref="KubernetesApiException"/> with <see cref="KubernetesApiException.IsGone"/>. See
    /// <see cref="Watch.ResumingWatch{T}"/> for a watch that reconnects.
    /// </summary>
    IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(string? @namespace = null, ListOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject;
}
