using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Config;
using BucketOperator.TestSupport;

namespace BucketOperator.Kubernetes.Tests.Integration;

/// <summary>How the real server's failures read through the client: each kind of error is told apart.</summary>
public sealed class ApiErrorTests(ControlPlaneFixture fixture) : NamespacedTest(fixture)
{
    [Fact]
    public async Task Get_MissingObject_ReturnsNull() => Assert.Null(await Client.GetAsync<V1ConfigMap>("absent", Namespace));

    [Fact]
    public async Task Delete_MissingObject_ReturnsFalse() => Assert.False(await Client.DeleteAsync<V1ConfigMap>("absent", Namespace));

    [Fact]
    public async Task Get_KindWhoseCrdIsNotInstalled_ThrowsResourceNotServed()
    {
        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => Client.GetAsync<Gadget>("g", Namespace));

        Assert.Equal((404, true, false), (error.Status.Code, error.IsResourceNotServed, error.IsNotFound));
    }

    [Fact]
    public async Task Delete_KindWhoseCrdIsNotInstalled_ThrowsResourceNotServed()
    {
        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => Client.DeleteAsync<Gadget>("g", Namespace));

        Assert.True(error.IsResourceNotServed, error.Message);
    }

    [Fact]
    public async Task Create_InMissingNamespace_IsNotFoundNamingTheNamespace()
    {
        var error = await Assert.ThrowsAsync<KubernetesApiException>(
            () => Client.CreateAsync(new V1ConfigMap { Metadata = new() { Name = "c", NamespaceProperty = Namespace + "-absent" } }));

        Assert.Equal((true, "namespaces"), (error.IsNotFound, error.Status.Details?.Kind));
    }

    [Fact]
    public async Task Unprivileged_User_IsForbidden()
    {
        using var nobody = Plane.CreateClient(context: "nobody");

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => nobody.ListAsync<V1ConfigMap>(Namespace));

        Assert.True(error.IsForbidden, error.Message);
        Assert.False(error.IsUnauthorized);
        Assert.Equal("Forbidden", error.Status.Reason);
        Assert.Contains("\"nobody\"", error.Status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownToken_IsUnauthorized()
    {
        var configuration = Plane.Configuration();
        configuration.AccessToken = "not-a-known-token";
        using var stranger = new KubernetesClient(configuration);

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => stranger.ListAsync<V1ConfigMap>(Namespace));

        Assert.True(error.IsUnauthorized, error.Message);
        Assert.False(error.IsForbidden);
    }
}
