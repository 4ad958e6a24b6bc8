using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;

namespace BucketOperator.ControlPlane;

/// <summary>Passes every call to a real client; test wrappers override only the calls they interfere with.</summary>
public abstract class DelegatingKubernetesClient(IKubernetesClient inner) : IKubernetesClient
{
    protected IKubernetesClient Inner { get; } = inner;

    public virtual Task<T?> GetAsync<T>(string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject => Inner.GetAsync<T>(name, @namespace, cancellationToken);

    public virtual Task<KubernetesList<T>> ListAsync<T>(string? @namespace = null, ListOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject => Inner.ListAsync<T>(@namespace, options, cancellationToken);

    public virtual Task<T> CreateAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject => Inner.CreateAsync(obj, cancellationToken);

    public virtual Task<T> ReplaceAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject => Inner.ReplaceAsync(obj, cancellationToken);

    public virtual Task<T> PatchAsync<T>(string name, string? @namespace, Patch patch, PatchOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject => Inner.PatchAsync<T>(name, @namespace, patch, options, cancellationToken);

    public virtual Task<T> ReplaceStatusAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject => Inner.ReplaceStatusAsync(obj, cancellationToken);

    public virtual Task<T> PatchStatusAsync<T>(string name, string? @namespace, Patch patch, PatchOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject => Inner.PatchStatusAsync<T>(name, @namespace, patch, options, cancellationToken);

    public virtual Task<bool> DeleteAsync<T>(string name, string? @namespace = null, DeleteOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject => Inner.DeleteAsync<T>(name, @namespace, options, cancellationToken);

    public virtual IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(string? @namespace = null, ListOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject => Inner.WatchAsync<T>(@namespace, options, cancellationToken);
}
