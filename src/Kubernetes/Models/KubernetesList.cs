namespace BucketOperator.Kubernetes.Models;

/// <summary>A page of a list call. <see cref="ListMeta.ResourceVersion"/> is where a watch should start.</summary>
public sealed record KubernetesList<T>
    where T : IKubernetesObject<T>
{
    public string? ApiVersion { get; init; }

    public string? Kind { get; init; }

    public ListMeta Metadata { get; init; } = new();

    public IList<T> Items { get; init; } = [];
}
