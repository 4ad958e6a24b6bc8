namespace BucketOperator.Kubernetes.Models.Core;

/// <summary>core/v1 Secret. <see cref="Data"/> values are raw bytes (base64 on the wire).</summary>
public sealed record Secret : IKubernetesObject<Secret>
{
    public static ResourceType Resource { get; } = new("", "v1", "secrets", "Secret", Namespaced: true);

    public string? ApiVersion { get; set; } = "v1";

    public string? Kind { get; set; } = "Secret";

    public ObjectMeta Metadata { get; set; } = new();

    public string? Type { get; set; }

    public IDictionary<string, byte[]>? Data { get; set; }

    /// <summary>Write-only convenience: the server merges it into <see cref="Data"/>.</summary>
    public IDictionary<string, string>? StringData { get; set; }

    /// <inheritdoc/>
    public override string ToString() => $"Secret {Metadata.Namespace}/{Metadata.Name} ({Data?.Count ?? 0} keys, values hidden)";
}
