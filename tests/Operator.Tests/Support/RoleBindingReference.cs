using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Operator.Tests.Support;

/// <summary>
/// A RoleBinding addressed by name only: enough for <c>DeleteAsync&lt;RoleBindingReference&gt;</c>, which never reads
/// a body (tests create RoleBindings from documents, through <c>ManifestInstaller</c>).
/// </summary>
[KubernetesEntity(Group = "rbac.authorization.k8s.io", ApiVersion = "v1", Kind = "RoleBinding", PluralName = "rolebindings")]
internal sealed record RoleBindingReference : IKubernetesObject
{
    public string? ApiVersion { get; set; } = "rbac.authorization.k8s.io/v1";

    public string? Kind { get; set; } = "RoleBinding";

    public V1ObjectMeta Metadata { get; set; } = new();
}
