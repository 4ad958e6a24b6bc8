namespace BucketOperator.Kubernetes.Models.Core;

public sealed record Namespace : IKubernetesObject<Namespace>
{
    public static ResourceType Resource { get; } = new("", "v1", "namespaces", "Namespace", Namespaced: false);

    public string? ApiVersion { get; set; } = "v1";

    public string? Kind { get; set; } = "Namespace";

    public ObjectMeta Metadata { get; set; } = new();
}
