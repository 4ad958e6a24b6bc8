namespace BucketOperator.Kubernetes.Config;

/// <summary>
/// Configuration of a pod: the service host/port variables and the mounted service-account files. The
/// environment is read through <c>environment</c> (default: the process's variables), so it can be supplied.
/// </summary>
public static class InClusterConfig
{
    public const string DefaultDirectory = "/var/run/secrets/kubernetes.io/serviceaccount";

    public static bool IsAvailable(string directory = DefaultDirectory, Func<string, string?>? environment = null) =>
        !string.IsNullOrEmpty((environment ?? Environment.GetEnvironmentVariable)("KUBERNETES_SERVICE_HOST"))
        && File.Exists(Path.Combine(directory, "token"));

    public static KubernetesClientConfiguration Load(string directory = DefaultDirectory, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var host = environment("KUBERNETES_SERVICE_HOST");
        var port = environment("KUBERNETES_SERVICE_PORT");
        if (string.IsNullOrEmpty(host) || string.IsNullOrEmpty(port))
        {
            throw new InvalidOperationException("Not in a cluster: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be set.");
        }

        var namespaceFile = Path.Combine(directory, "namespace");
        return new KubernetesClientConfiguration
        {
            // An IPv6 service address needs brackets in a URL.
            Server = new Uri($"https://{(host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host)}:{port}"),
            TokenFile = Path.Combine(directory, "token"),
            CertificateAuthority = Certificates.FromPem(File.ReadAllText(Path.Combine(directory, "ca.crt"))),
            Namespace = File.Exists(namespaceFile) ? File.ReadAllText(namespaceFile).Trim() : "default",
        };
    }
}
