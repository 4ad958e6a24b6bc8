using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Kubernetes.Tests.Integration;

/// <summary>A custom resource whose CRD is never installed: the server does not serve its type.</summary>
[KubernetesEntity(Group = "never-installed.bucket-operator.dev", ApiVersion = "v1", Kind = "Gadget", PluralName = "gadgets")]
public sealed record Gadget : IKubernetesObject
{
    public string? ApiVersion { get; set; } = "never-installed.bucket-operator.dev/v1";

    public string? Kind { get; set; } = "Gadget";

    public V1ObjectMeta Metadata { get; set; } = new();
}
