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

    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Body { get; set; }
}

[KubernetesEntity(Group = "", ApiVersion = "v1", Kind = "Namespace", PluralName = "namespaces")]
internal sealed record NamespaceDocument : ManifestDocument, IKubernetesObject;

[KubernetesEntity(Group = "", ApiVersion = "v1", Kind = "Secret", PluralName = "secrets")]
internal sealed record SecretDocument : ManifestDocument, IKubernetesObject;

[KubernetesEntity(Group = "", ApiVersion = "v1", Kind = "ServiceAccount", PluralName = "serviceaccounts")]
internal sealed record ServiceAccountDocument : ManifestDocument, IKubernetesObject;

[KubernetesEntity(Group = "rbac.authorization.k8s.io", ApiVersion = "v1", Kind = "ClusterRole", PluralName = "clusterroles")]
internal sealed record ClusterRoleDocument : ManifestDocument, IKubernetesObject;

[KubernetesEntity(Group = "rbac.authorization.k8s.io", ApiVersion = "v1", Kind = "ClusterRoleBinding", PluralName = "clusterrolebindings")]
internal sealed record ClusterRoleBindingDocument : ManifestDocument, IKubernetesObject;

[KubernetesEntity(Group = "rbac.authorization.k8s.io", ApiVersion = "v1", Kind = "Role", PluralName = "roles")]
internal sealed record RoleDocument : ManifestDocument, IKubernetesObject;

[KubernetesEntity(Group = "rbac.authorization.k8s.io", ApiVersion = "v1", Kind = "RoleBinding", PluralName = "rolebindings")]
internal sealed record RoleBindingDocument : ManifestDocument, IKubernetesObject;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(KubernetesTimeConverter), typeof(KubernetesDateTimeConverter)])]
[JsonSerializable(typeof(NamespaceDocument))]
[JsonSerializable(typeof(SecretDocument))]
[JsonSerializable(typeof(ServiceAccountDocument))]
[JsonSerializable(typeof(ClusterRoleDocument))]
[JsonSerializable(typeof(ClusterRoleBindingDocument))]
[JsonSerializable(typeof(RoleDocument))]
[JsonSerializable(typeof(RoleBindingDocument))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
