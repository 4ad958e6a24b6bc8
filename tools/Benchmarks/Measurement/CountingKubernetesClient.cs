using System.Collections.Concurrent;
using BucketOperator.ControlPlane;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Benchmarks.Measurement;

/// <summary>The operator's Kubernetes requests, counted by verb and kind (watches are not requests that cost per object).</summary>
internal sealed class CountingKubernetesClient(IKubernetesClient inner) : DelegatingKubernetesClient(inner)
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public RequestCounts Snapshot() => new(new Dictionary<string, int>(_counts, StringComparer.Ordinal));

    public override Task<T?> GetAsync<T>(string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where T : class
    {
        Count<T>("GET");
        return base.GetAsync<T>(name, @namespace, cancellationToken);
    }

    public override Task<KubernetesList<T>> ListAsync<T>(string? @namespace = null, ListOptions? options = null, CancellationToken cancellationToken = default)
    {
        Count<T>("LIST");
        return base.ListAsync<T>(@namespace, options, cancellationToken);
    }

    public override Task<T> CreateAsync<T>(T obj, CancellationToken cancellationToken = default)
    {
        Count<T>("CREATE");
        return base.CreateAsync(obj, cancellationToken);
    }

    public override Task<T> ReplaceAsync<T>(T obj, CancellationToken cancellationToken = default)
    {
        Count<T>("UPDATE");
        return base.ReplaceAsync(obj, cancellationToken);
    }

    public override Task<T> PatchAsync<T>(string name, string? @namespace, Patch patch, PatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        Count<T>("PATCH");
        return base.PatchAsync<T>(name, @namespace, patch, options, cancellationToken);
    }

    public override Task<T> ReplaceStatusAsync<T>(T obj, CancellationToken cancellationToken = default)
    {
        Count<T>("UPDATE status");
        return base.ReplaceStatusAsync(obj, cancellationToken);
    }

    public override Task<T> PatchStatusAsync<T>(string name, string? @namespace, Patch patch, PatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        Count<T>("PATCH status");
        return base.PatchStatusAsync<T>(name, @namespace, patch, options, cancellationToken);
    }

    public override Task<bool> DeleteAsync<T>(string name, string? @namespace = null, DeleteOptions? options = null, CancellationToken cancellationToken = default)
    {
        Count<T>("DELETE");
        return base.DeleteAsync<T>(name, @namespace, options, cancellationToken);
    }

    private void Count<T>(string verb)
        where T : class, IKubernetesObject => _counts.AddOrUpdate($"{verb} {ResourceType.Of<T>().Plural}", 1, (_, n) => n + 1);
}
