using System.Reflection;

namespace BucketOperator.Kubernetes.Models;

/// <summary>Where a kind lives in the API: group, version, plural resource name and scope.</summary>
/// <param name="Group">API group; empty for the core group ("v1").</param>
public sealed record ResourceType(string Group, string Version, string Plural, string Kind, bool Namespaced)
{
    /// <summary>
    /// The package's <see cref="KubernetesEntityAttribute"/> names group, version, kind and plural but not the scope,
    /// so the cluster-scoped kinds this project addresses are listed here; every other kind is namespaced.
    /// </summary>
    private static readonly HashSet<(string Group, string Kind)> ClusterScoped =
    [
        ("", "Namespace"),
        ("apiextensions.k8s.io", "CustomResourceDefinition"),
        ("rbac.authorization.k8s.io", "ClusterRole"),
        ("rbac.authorization.k8s.io", "ClusterRoleBinding"),
    ];

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The resource of a model type, from its <see cref="KubernetesEntityAttribute"/> (the package's kinds all carry one).</summary>
    public static ResourceType Of<T>() => Cached<T>.Value;

    /// <summary>The REST path of the collection or of one object, optionally of a subresource.</summary>
    public string Path(string? @namespace, string? name = null, string? subresource = null)
    {
        if (Namespaced && string.IsNullOrEmpty(@namespace) && name is not null)
        {
            throw new ArgumentException($"{Kind} is namespaced: a namespace is required to address '{name}'.", nameof(@namespace));
        }

        var root = Group.Length == 0 ? $"/api/{Version}" : $"/apis/{Group}/{Version}";
        var path = Namespaced && !string.IsNullOrEmpty(@namespace)
            ? $"{root}/namespaces/{Uri.EscapeDataString(@namespace)}/{Plural}"
            : $"{root}/{Plural}";
        if (name is not null)
        {
            path += "/" + Uri.EscapeDataString(name);
        }

        return subresource is null ? path : $"{path}/{subresource}";
    }

    /// <summary>
    /// One read of the attribute per type, kept in a static field: no lookup on the client's every call. Read on first
    /// use, not in a type initializer, so a kind without the attribute fails with the message below, not a wrapped one.
    /// </summary>
    private static class Cached<T>
    {
        public static ResourceType Value => field ??= FromAttribute(typeof(T));
    }

    private static ResourceType FromAttribute(Type type)
    {
        var entity = type.GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new InvalidOperationException($"{type.Name} has no [KubernetesEntity] attribute: the client cannot tell its REST path.");
        var group = entity.Group ?? "";
        return new ResourceType(group, entity.ApiVersion, entity.PluralName, entity.Kind, !ClusterScoped.Contains((group, entity.Kind)));
    }
}
