namespace BucketOperator.Kubernetes.Models;

/// <summary>
/// What identifies an object to caches and work queues: namespace and name (client-go's
/// <c>MetaNamespaceKeyFunc</c>). Not the UID: a deleted and re-created object has the same key.
/// </summary>
/// <param name="Namespace">Null or empty for cluster-scoped kinds.</param>
public readonly record struct ObjectKey(string? Namespace, string Name)
{
    public static ObjectKey Of(IKubernetesObject obj) =>
        new(obj.Metadata.NamespaceProperty, obj.Metadata.Name ?? throw new ArgumentException("metadata.name is required", nameof(obj)));

    public override string ToString() => string.IsNullOrEmpty(Namespace) ? Name : $"{Namespace}/{Name}";
}
