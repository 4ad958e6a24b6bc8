using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using BucketOperator.ControlPlane;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;
using BucketOperator.TestSupport;

namespace BucketOperator.Kubernetes.Tests.Integration;

/// <summary>A real client whose first watch of one namespace fails with 410 Gone (history lost), which makes a reflector list that namespace again; counts lists per namespace.</summary>
internal sealed class HistoryLostOnceClient(IKubernetesClient inner, string @namespace) : DelegatingKubernetesClient(inner)
{
    private readonly ConcurrentDictionary<string, int> _lists = [];
    private int _failed;

    public int ListsOf(string name) => _lists.GetValueOrDefault(name);

    public override Task<KubernetesList<T>> ListAsync<T>(string? ns = null, ListOptions? options = null, CancellationToken cancellationToken = default)
    {
        _lists.AddOrUpdate(ns ?? "", 1, (_, n) => n + 1);
        return Inner.ListAsync<T>(ns, options, cancellationToken);
    }

    public override async IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(string? ns = null, ListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (ns == @namespace && Interlocked.Exchange(ref _failed, 1) == 0)
        {
            throw new KubernetesApiException($"WATCH {ns}", new V1Status { Code = 410, Reason = "Expired", Message = "too old resource version (test)" });
        }

        await foreach (var watchEvent in Inner.WatchAsync<T>(ns, options, cancellationToken))
        {
            yield return watchEvent;
        }
    }
}
