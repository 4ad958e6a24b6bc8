using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Kubernetes.Tests.Unit;

public sealed class ResourceTypeTests
{
    [Theory]
    [InlineData(null, null, null, "/api/v1/configmaps")]
    [InlineData("ns", null, null, "/api/v1/namespaces/ns/configmaps")]
    [InlineData("ns", "a b", null, "/api/v1/namespaces/ns/configmaps/a%20b")]
    [InlineData("ns", "x", "status", "/api/v1/namespaces/ns/configmaps/x/status")]
    public void Path_CoreNamespacedKind_BuildsRestPath(string? ns, string? name, string? subresource, string expected) =>
        Assert.Equal(expected, ResourceType.Of<V1ConfigMap>().Path(ns, name, subresource));

    [Fact]
    public void Path_GroupedKind_UsesApisPrefix() =>
        Assert.Equal("/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/l", ResourceType.Of<V1Lease>().Path("kube-system", "l"));

    [Fact]
    public void Path_ClusterScopedKind_IgnoresNamespace() =>
        Assert.Equal("/api/v1/namespaces/team-a", ResourceType.Of<V1Namespace>().Path("ignored", "team-a"));

    [Fact]
    public void Path_NamespacedObjectWithoutNamespace_Throws() =>
        Assert.Throws<ArgumentException>(() => ResourceType.Of<V1ConfigMap>().Path(null, "x"));
}
