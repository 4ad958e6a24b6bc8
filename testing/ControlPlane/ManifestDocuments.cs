using System.Text.Json;
using System.Text.Json.Serialization;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Serialization;

namespace BucketOperator.ControlPlane;

/// <summary>The kinds in config/ besides the CRD, carried as documents (everything but metadata kept as-is), so exactly the shipped YAML is installed.</summary>
internal abstract record ManifestDocument
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public ObjectMeta Metadata { get; set; } = new();

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Body { get; set; }
}

internal sealed record NamespaceDocument : ManifestDocument, IKubernetesObject<NamespaceDocument>
{
    public static ResourceType Resource { get; } = new("", "v1", "namespaces", "Namespace", Namespaced: false);
}

internal sealed record SecretDocument : ManifestDocument, IKubernetesObject<SecretDocument>
{
    public static ResourceType Resource { get; } = new("", "v1", "secrets", "Secret", Namespaced: true);
}

internal sealed record ServiceAccountDocument : ManifestDocument, IKubernetesObject<ServiceAccountDocument>
{
    public static ResourceType Resource { get; } = new("", "v1", "serviceaccounts", "ServiceAccount", Namespaced: true);
}

internal sealed record ClusterRoleDocument : ManifestDocument, IKubernetesObject<ClusterRoleDocument>
{
    public static ResourceType Resource { get; } = new("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", Namespaced: false);
}

internal sealed record ClusterRoleBindingDocument : ManifestDocument, IKubernetesObject<ClusterRoleBindingDocument>
{
    public static ResourceType Resource { get; } = new("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", Namespaced: false);
}

internal sealed record RoleDocument : ManifestDocument, IKubernetesObject<RoleDocument>
{
    public static ResourceType Resource { get; } = new("rbac.authorization.k8s.io", "v1", "roles", "Role", Namespaced: true);
}

internal sealed record RoleBindingDocument : ManifestDocument, IKubernetesObject<RoleBindingDocument>
{
    public static ResourceType Resource { get; } = new("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", Namespaced: true);
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(KubernetesTimeConverter)])]
[JsonSerializable(typeof(NamespaceDocument))]
[JsonSerializable(typeof(SecretDocument))]
[JsonSerializable(typeof(ServiceAccountDocument))]
[JsonSerializable(typeof(ClusterRoleDocument))]
[JsonSerializable(typeof(ClusterRoleBindingDocument))]
[JsonSerializable(typeof(RoleDocument))]
[JsonSerializable(typeof(RoleBindingDocument))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
