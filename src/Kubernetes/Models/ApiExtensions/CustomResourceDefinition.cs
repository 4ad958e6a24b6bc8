using System.Text.Json;

namespace BucketOperator.Kubernetes.Models.ApiExtensions;

/// <summary>
/// apiextensions.k8s.io/v1 CustomResourceDefinition. The OpenAPI schema stays a <see cref="JsonElement"/>:
/// the client installs CRDs generated elsewhere and never needs to interpret the schema itself.
/// </summary>
public sealed record CustomResourceDefinition : IKubernetesObject<CustomResourceDefinition>
{
    public static ResourceType Resource { get; } =
        new("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", Namespaced: false);

    public string? ApiVersion { get; set; } = "apiextensions.k8s.io/v1";

    public string? Kind { get; set; } = "CustomResourceDefinition";

    public ObjectMeta Metadata { get; set; } = new();

    public JsonElement Spec { get; set; }

    public CustomResourceDefinitionStatus? Status { get; set; }
}

public sealed record CustomResourceDefinitionStatus
{
    public IList<CustomResourceDefinitionCondition>? Conditions { get; init; }
}
