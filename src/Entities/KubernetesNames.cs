namespace BucketOperator.Entities;

/// <summary>Patterns of Kubernetes names, as the API server validates them.</summary>
internal static class KubernetesNames
{
    /// <summary>An RFC 1123 subdomain: what most object names (Secrets among them) must be.</summary>
    public const string DnsSubdomain = @"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

    /// <summary>A key of a Secret's or ConfigMap's data.</summary>
    public const string SecretKey = "^[-._a-zA-Z0-9]+$";
}
