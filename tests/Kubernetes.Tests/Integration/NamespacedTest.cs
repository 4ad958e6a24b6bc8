using System.Text.Json;
using BucketOperator.ControlPlane;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;
using BucketOperator.TestSupport;

namespace BucketOperator.Kubernetes.Tests.Integration;

/// <summary>
/// An integration test class on the shared control plane: an admin client and a namespace of its own per
/// test, deleted afterwards (the namespace controller empties it).
/// </summary>
[Collection(ControlPlaneFixture.Collection)]
public abstract class NamespacedTest(ControlPlaneFixture fixture, JsonSerializerOptions? json = null) : IAsyncLifetime
{
    protected LocalControlPlane Plane { get; } = fixture.Plane;

    protected KubernetesClient Client { get; } = fixture.Plane.CreateClient(json);

    protected string Namespace { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var created = await Client.CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { GenerateName = "test-" } });
        Namespace = created.Metadata.Name!;
        await OnInitializedAsync();
    }

    public async Task DisposeAsync()
    {
        await Client.DeleteAsync<V1Namespace>(Namespace);
        Client.Dispose();
    }

    /// <summary>Per-class set-up that needs the namespace.</summary>
    protected virtual Task OnInitializedAsync() => Task.CompletedTask;
}
