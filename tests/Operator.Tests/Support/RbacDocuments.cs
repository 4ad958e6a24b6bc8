using System.Text.Json;
using System.Text.Json.Serialization;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Serialization;

namespace BucketOperator.Operator.Tests.Support;

/// <summary>The kinds in config/rbac, carried as documents (everything but metadata kept as-is), so the tests install exactly the shipped YAML.</summary>
public abstract record RbacDocument
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public ObjectMeta Metadata { get; set; } = new();

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Body { get; set; }
}

public sealed record ServiceAccountDocument : RbacDocument, IKubernetesObject<ServiceAccountDocument>
{
    public static ResourceType Resource { get; } = new("", "v1", "serviceaccounts", "ServiceAccount", Namespaced: true);
}

public sealed record ClusterRoleDocument : RbacDocument, IKubernetesObject<ClusterRoleDocument>
{
    public static ResourceType Resource { get; } = new("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", Namespaced: false);
}

public sealed record ClusterRoleBindingDocument : RbacDocument, IKubernetesObject<ClusterRoleBindingDocument>
{
    public static ResourceType Resource { get; } = new("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", Namespaced: false);
}

public sealed record RoleDocument : RbacDocument, IKubernetesObject<RoleDocument>
{
    public static ResourceType Resource { get; } = new("rbac.authorization.k8s.io", "v1", "roles", "Role", Namespaced: true);
}

public sealed record RoleBindingDocument : RbacDocument, IKubernetesObject<RoleBindingDocument>
{
    public static ResourceType Resource { get; } = new("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", Namespaced: true);
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(KubernetesTimeConverter)])]
[JsonSerializable(typeof(ServiceAccountDocument))]
[JsonSerializable(typeof(ClusterRoleDocument))]
[JsonSerializable(typeof(ClusterRoleBindingDocument))]
[JsonSerializable(typeof(RoleDocument))]
[JsonSerializable(typeof(RoleBindingDocument))]
internal sealed partial class RbacJsonContext : JsonSerializerContext;
