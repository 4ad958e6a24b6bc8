using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Models.Core;

namespace BucketOperator.Kubernetes.Tests.Integration;

/// <summary>A namespace of its own for one test, deleted afterwards (the namespace controller empties it).</summary>
internal sealed class TestNamespace(IKubernetesClient client, string name) : IAsyncDisposable
{
    public string Name { get; } = name;

    public static async Task<TestNamespace> CreateAsync(IKubernetesClient client)
    {
        var created = await client.CreateAsync(new Namespace { Metadata = new ObjectMeta { GenerateName = "test-" } });
        return new TestNamespace(client, created.Metadata.Name!);
    }

    public async ValueTask DisposeAsync() => await client.DeleteAsync<Namespace>(Name);
}
