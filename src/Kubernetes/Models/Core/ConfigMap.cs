namespace BucketOperator.Kubernetes.Models.Core;

public sealed record ConfigMap : IKubernetesObject<ConfigMap>
{
    public static ResourceType Resource { get; } = new("", "v1", "configmaps", "ConfigMap", Namespaced: true);

    public string? ApiVersion { get; set; } = "v1";

    public string? Kind { get; set; } = "ConfigMap";

    public ObjectMeta Metadata { get; set; } = new();

    public IDictionary<string, string>? Data { get; set; }
}
