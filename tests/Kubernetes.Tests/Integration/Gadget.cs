using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Kubernetes.Tests.Integration;

/// <summary>A custom resource whose CRD is never installed: the server does not serve its type.</summary>
public sealed record Gadget : IKubernetesObject<Gadget>
{
    public static ResourceType Resource { get; } = new("never-installed.bucket-operator.dev", "v1", "gadgets", "Gadget", Namespaced: true);

    public string? ApiVersion { get; set; } = "never-installed.bucket-operator.dev/v1";

    public string? Kind { get; set; } = "Gadget";

    public ObjectMeta Metadata { get; set; } = new();
}
