using System.Security.Cryptography.X509Certificates;
using System.Text;
using YamlDotNet.Serialization;

namespace BucketOperator.Kubernetes.Config;

/// <summary>
/// Reads a kubeconfig file: the current (or a named) context, its cluster (server, CA data or file,
/// insecure-skip-tls-verify) and user (token, token file, client certificate data or files).
/// Exec and auth-provider plugins are not supported and fail with a message saying so.
/// </summary>
public static class KubeConfigLoader
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().IgnoreUnmatchedProperties().Build();

    public static KubernetesClientConfiguration LoadFile(string path, string? context = null)
    {
        var text = File.ReadAllText(path);
        return Load(text, Path.GetDirectoryName(Path.GetFullPath(path))!, context, path);
    }

    /// <param name="baseDirectory">Relative certificate and token paths are resolved against it (the file's folder).</param>
    public static KubernetesClientConfiguration Load(string yaml, string baseDirectory, string? context = null, string source = "kubeconfig")
    {
        KubeConfigFile file;
        try
        {
            file = Yaml.Deserialize<KubeConfigFile>(yaml) ?? new KubeConfigFile();
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidDataException($"{source}: not a valid kubeconfig: {e.Message}", e);
        }

        var contextName = context ?? file.CurrentContext
            ?? throw new InvalidDataException($"{source}: no current-context is set and no context was requested");
        var ctx = Find(file.Contexts.Select(c => (c.Name, c.Context)), contextName, "context", source);
        var cluster = Find(file.Clusters.Select(c => (c.Name, c.Cluster)), ctx.Cluster ?? "", "cluster", source);
        var user = string.IsNullOrEmpty(ctx.User) ? new KubeUser() : Find(file.Users.Select(u => (u.Name, u.User)), ctx.User, "user", source);
        if (user.Exec is not null || user.AuthProvider is not null)
        {
            throw new NotSupportedException($"{source}: user '{ctx.User}' uses an exec or auth-provider plugin, which this client does not support; use a token or client certificate.");
        }

        if (!Uri.TryCreate(cluster.Server, UriKind.Absolute, out var server))
        {
            throw new InvalidDataException($"{source}: cluster '{ctx.Cluster}' has no valid server URL ('{cluster.Server}')");
        }

        string Resolve(string p) => Path.IsPathRooted(p) ? p : Path.Combine(baseDirectory, p);
        string? Pem(string? data, string? file) =>
            data is not null ? Encoding.UTF8.GetString(Convert.FromBase64String(data)) : file is not null ? File.ReadAllText(Resolve(file)) : null;

        var caPem = Pem(cluster.CertificateAuthorityData, cluster.CertificateAuthority);
        var certPem = Pem(user.ClientCertificateData, user.ClientCertificate);
        var keyPem = Pem(user.ClientKeyData, user.ClientKey);
        return new KubernetesClientConfiguration
        {
            Server = server,
            Namespace = string.IsNullOrEmpty(ctx.Namespace) ? "default" : ctx.Namespace,
            Token = user.Token,
            TokenFile = user.TokenFile is null ? null : Resolve(user.TokenFile),
            SkipTlsVerify = cluster.InsecureSkipTlsVerify,
            CertificateAuthority = caPem is null ? null : Certificates.FromPem(caPem),
            ClientCertificate = certPem is not null && keyPem is not null ? X509Certificate2.CreateFromPem(certPem, keyPem) : null,
        };
    }

    private static T Find<T>(IEnumerable<(string Name, T Value)> entries, string name, string what, string source)
        where T : class =>
        entries.FirstOrDefault(e => e.Name == name).Value
        ?? throw new InvalidDataException($"{source}: {what} '{name}' is not defined");
}
