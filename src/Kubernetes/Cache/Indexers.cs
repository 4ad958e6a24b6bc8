using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Kubernetes.Cache;

/// <summary>Index functions worth having on most caches. An index function maps an object to the values it is found under.</summary>
public static class Indexers
{
    /// <summary>Name of the <see cref="ByControllerUid"/> index.</summary>
    public const string ControllerUid = "controller-uid";

    public const string Namespace = "namespace";

    /// <summary>The UID of the object's controller (the ownerReference with <c>controller: true</c>), if any.</summary>
    public static IEnumerable<string> ByControllerUid(IKubernetesObject obj) =>
        obj.Metadata.OwnerReferences?.Where(o => o.Controller == true).Select(o => o.Uid) ?? [];

    public static IEnumerable<string> ByNamespace(IKubernetesObject obj) => [obj.Metadata.NamespaceProperty ?? ""];

    /// <summary>An index function by the value of one label, e.g. the name of the owning custom resource.</summary>
    public static Func<IKubernetesObject, IEnumerable<string>> ByLabel(string label) =>
        obj => obj.Metadata.Labels?.TryGetValue(label, out var value) == true ? [value] : [];
}
