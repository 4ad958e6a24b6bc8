using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Operator.Tests.Support;

/// <summary>
/// A RoleBinding addressed by name only: enough for <c>DeleteAsync&lt;RoleBindingReference&gt;</c>, which never reads
/// a body (tests create RoleBindings from documents, through <c>ManifestInstaller</c>).
/// </summary>
internal sealed record RoleBindingReference : IKubernetesObject<RoleBindingReference>
{
    public static ResourceType Resource { get; } = new("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", Namespaced: true);

    public string? ApiVersion { get; set; } = "rbac.authorization.k8s.io/v1";

    public string? Kind { get; set; } = "RoleBinding";

    public ObjectMeta Metadata { get; set; } = new();
}
