using k8s.Exceptions;
using k8s.KubeConfigModels;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace BucketOperator.Kubernetes.Config;

/// <summary>
/// Where the cluster is and how to authenticate to it, loaded by the KubernetesClient package (kubeconfig with
/// exec credential plugins, OIDC, client certificates, basic auth; several <c>KUBECONFIG</c> files merged as kubectl
/// does; the in-cluster service account). The order of sources is ours, as controller-runtime's: the package's own
/// default falls back to <c>http://localhost:8080</c> when nothing is configured, which would send an operator's
/// requests to whatever listens there; this fails with a message instead.
/// </summary>
public static class ClusterConfig
{
    private static readonly IDeserializer KubeconfigYaml =
        new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).IgnoreUnmatchedProperties().Build();

    /// <summary>
    /// The kubeconfig files given (<c>--kubeconfig</c>, or <c>KUBECONFIG</c>, which the operator's settings pass the same
    /// way: one path, or several separated as in <c>$PATH</c>, merged; with several, the ones that do not exist are
    /// skipped, as kubectl does), else <c>$KUBECONFIG</c>, else the in-cluster service account, else <c>~/.kube/config</c>.
    /// </summary>
    public static k8s.KubernetesClientConfiguration Resolve(string? kubeconfig = null)
    {
        var given = Paths(kubeconfig);
        if (given.Count > 0)
        {
            return FromFiles(given);
        }

        var fromEnvironment = Paths(Environment.GetEnvironmentVariable("KUBECONFIG"));
        if (fromEnvironment.Count > 0)
        {
            return FromFiles(fromEnvironment);
        }

        if (k8s.KubernetesClientConfiguration.IsInCluster())
        {
            return k8s.KubernetesClientConfiguration.InClusterConfig();
        }

        var home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
        if (File.Exists(home))
        {
            return FromFile(home);
        }

        throw new InvalidOperationException(
            "No Kubernetes configuration found: pass --kubeconfig, set KUBECONFIG, run in a pod with a service account, or create ~/.kube/config.");
    }

    /// <summary>One path as it is (a missing file is then an error that names it); of several, those that exist.</summary>
    private static List<string> Paths(string? list)
    {
        var paths = (list ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return paths.Count > 1 ? [.. paths.Where(File.Exists)] : paths;
    }

    /// <summary>One kubeconfig file; <paramref name="context"/> overrides its current context.</summary>
    public static k8s.KubernetesClientConfiguration FromFile(string path, string? context = null) => FromFiles([path], context);

    /// <summary>
    /// Several kubeconfig files merged as kubectl merges <c>KUBECONFIG</c>: the first file that names a cluster, user
    /// or context wins, and the first current-context set wins. Ours because the package merges only inside
    /// <c>BuildDefaultConfig</c>, which fails on a listed file that does not exist (kubectl skips it), takes no
    /// context, and resolves every file's relative certificate paths against the first file's folder; here each
    /// file's relative paths are made absolute against its own folder first. Errors name the files.
    /// </summary>
    public static k8s.KubernetesClientConfiguration FromFiles(IReadOnlyList<string> paths, string? context = null)
    {
        try
        {
            var files = paths.Select(path => WithAbsolutePaths(Load(path))).ToList();
            var merged = files[0];
            merged.CurrentContext = files.Select(f => f.CurrentContext).FirstOrDefault(c => !string.IsNullOrEmpty(c));
            merged.Clusters = FirstByName(files.SelectMany(f => f.Clusters ?? []), c => c.Name);
            merged.Users = FirstByName(files.SelectMany(f => f.Users ?? []), u => u.Name);
            merged.Contexts = FirstByName(files.SelectMany(f => f.Contexts ?? []), c => c.Name);
            return k8s.KubernetesClientConfiguration.BuildConfigFromConfigObject(merged, context);
        }
        catch (KubeConfigException e)
        {
            throw new InvalidDataException($"{string.Join(Path.PathSeparator, paths)}: {e.Message}", e);
        }
    }

    /// <summary>
    /// The package's kubeconfig model, read with YamlDotNet directly. The package's own <c>LoadKubeConfig</c> goes through
    /// <c>KubernetesYaml</c>, whose first use maps every model type of the package by reflection: 22 MB more RSS and
    /// 5.6 MiB more live heap for the life of the process (measured), to read a file of a few dozen lines.
    /// </summary>
    private static K8SConfiguration Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: the kubeconfig file does not exist");
        }

        try
        {
            var file = KubeconfigYaml.Deserialize<K8SConfiguration?>(File.ReadAllText(path)) ?? new K8SConfiguration();
            file.FileName = Path.GetFullPath(path);
            return file;
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"{path}: not a valid kubeconfig: {e.Message}", e);
        }
    }

    private static List<T> FirstByName<T>(IEnumerable<T> items, Func<T, string> name) =>
        [.. items.GroupBy(name, StringComparer.Ordinal).Select(g => g.First())];

    private static K8SConfiguration WithAbsolutePaths(K8SConfiguration file)
    {
        var folder = Path.GetDirectoryName(file.FileName) ?? ".";
        string? Absolute(string? path) => string.IsNullOrEmpty(path) ? path : Path.GetFullPath(path, folder);
        foreach (var cluster in (file.Clusters ?? []).Where(c => c.ClusterEndpoint is not null))
        {
            cluster.ClusterEndpoint.CertificateAuthority = Absolute(cluster.ClusterEndpoint.CertificateAuthority);
        }

        foreach (var credentials in (file.Users ?? []).Select(u => u.UserCredentials).Where(c => c is not null))
        {
            credentials.ClientCertificate = Absolute(credentials.ClientCertificate);
            credentials.ClientKey = Absolute(credentials.ClientKey);
        }

        return file;
    }
}
