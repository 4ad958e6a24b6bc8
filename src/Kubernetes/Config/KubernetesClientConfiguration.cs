using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace BucketOperator.Kubernetes.Config;

/// <summary>How to reach and authenticate to one API server. Build one with <see cref="KubeConfigLoader"/> or <see cref="InClusterConfig"/>.</summary>
public sealed record KubernetesClientConfiguration
{
    public required Uri Server { get; init; }

    /// <summary>The namespace of the kubeconfig context or of the pod's service account; "default" otherwise.</summary>
    public string Namespace { get; init; } = "default";

    /// <summary>A fixed bearer token.</summary>
    public string? Token { get; init; }

    /// <summary>A bearer token re-read from this file every minute, because projected service-account tokens rotate.</summary>
    public string? TokenFile { get; init; }

    /// <summary>A client certificate with its private key (mutual TLS).</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>Roots to trust for the server's certificate instead of the system store.</summary>
    public X509Certificate2Collection? CertificateAuthority { get; init; }

    public bool SkipTlsVerify { get; init; }

    /// <summary>
    /// Deadline of each call except watches (default 30 s, where client-go has none: a hung call would stall a
    /// worker). A watch must receive its response headers within it; its stream then runs on.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Deadline of opening a connection, TLS handshake included (default 10 s).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A connection that has received nothing for this long is probed (default 30 s): an HTTP/2 ping, or TCP
    /// keep-alive on an HTTP/1.1 connection. With <see cref="KeepAlivePingTimeout"/> this bounds how long a
    /// dead or half-open connection, and any watch on it, goes unnoticed: 45 s by default.
    /// </summary>
    public TimeSpan KeepAlivePingDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a probe may go unanswered before the connection is dropped (default 15 s).</summary>
    public TimeSpan KeepAlivePingTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Replaces the generated member list of <see cref="object.ToString"/>, which would print the bearer token.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Server = {Server}, Namespace = {Namespace}, Token = {(Token is null ? "null" : "(hidden)")}, ");
        builder.Append(CultureInfo.InvariantCulture, $"TokenFile = {TokenFile ?? "null"}, ClientCertificate = {ClientCertificate?.Subject ?? "null"}, ");
        builder.Append(CultureInfo.InvariantCulture, $"CertificateAuthority = {CertificateAuthority?.Count.ToString(CultureInfo.InvariantCulture) ?? "no"} certificate(s), SkipTlsVerify = {SkipTlsVerify}, ");
        builder.Append(CultureInfo.InvariantCulture, $"RequestTimeout = {RequestTimeout}, ConnectTimeout = {ConnectTimeout}, KeepAlivePingDelay = {KeepAlivePingDelay}, KeepAlivePingTimeout = {KeepAlivePingTimeout}");
        return true;
    }

    /// <summary>
    /// The usual resolution order, as controller-runtime: an explicit kubeconfig path, <c>$KUBECONFIG</c>,
    /// the in-cluster service account, then <c>~/.kube/config</c>. Fails loudly when none exists rather
    /// than guessing a server.
    /// </summary>
    public static KubernetesClientConfiguration Resolve(string? kubeconfigPath = null, string? context = null)
    {
        if (!string.IsNullOrEmpty(kubeconfigPath))
        {
            return KubeConfigLoader.LoadFile(kubeconfigPath, context);
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("KUBECONFIG")?
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(File.Exists);
        if (fromEnvironment is not null)
        {
            return KubeConfigLoader.LoadFile(fromEnvironment, context);
        }

        if (InClusterConfig.IsAvailable())
        {
            return InClusterConfig.Load();
        }

        var home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
        if (File.Exists(home))
        {
            return KubeConfigLoader.LoadFile(home, context);
        }

        throw new InvalidOperationException(
            "No Kubernetes configuration found: pass --kubeconfig, set KUBECONFIG, run in a pod with a service account, or create ~/.kube/config.");
    }
}
