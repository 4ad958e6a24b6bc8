namespace BucketOperator.Kubernetes.Models;

/// <summary>Any object the API server stores: it has a type (apiVersion/kind) and metadata.</summary>
public interface IKubernetesObject
{
    string? ApiVersion { get; set; }

    string? Kind { get; set; }

    ObjectMeta Metadata { get; set; }
}

/// <summary>
/// A Kubernetes object type the client can address. The static <see cref="Resource"/> tells the client the
/// REST path, so callers write <c>client.GetAsync&lt;ConfigMap&gt;(...)</c> with no separate descriptor.
/// </summary>
public interface IKubernetesObject<TSelf> : IKubernetesObject
    where TSelf : IKubernetesObject<TSelf>
{
    static abstract ResourceType Resource { get; }
}
