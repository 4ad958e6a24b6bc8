using System.Text;
using System.Text.Json.Nodes;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Config;

namespace BucketOperator.ControlPlane;

/// <summary>
/// config/ as shipped (CRD, namespace, RBAC) on a control plane, and a client configuration that acts as the
/// operator's service account: an operator run with it has exactly the rights the manifests grant, no more.
/// </summary>
public static class OperatorInstallation
{
    public const string Namespace = "latitude-system";

    public const string ServiceAccount = "latitude-bucket-operator";

    /// <summary>A second service account, with no ClusterRole: only config/rbac/namespaced's Roles, where a test binds them.</summary>
    public const string NamespacedServiceAccount = "latitude-bucket-operator-namespaced";

    private static readonly TimeSpan TokenTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Idempotent: what exists already is left as it is.</summary>
    public static async Task<k8s.KubernetesClientConfiguration> InstallAsync(LocalControlPlane plane, CancellationToken cancellationToken = default)
    {
        using (var admin = plane.CreateClient())
        {
            await ManifestInstaller.InstallCrdAsync(admin, ManifestInstaller.ObjectBucketCrdPath, cancellationToken);
        }

        var files = ManifestInstaller.FilesIn(YamlManifests.RepositoryPath("config", "rbac"));
        // Namespaces first, as kubectl and kustomize order them: the namespaced objects of files named before it need it.
        var documents = files.SelectMany(YamlManifests.Load).OrderBy(d => d["kind"]?.GetValue<string>() == "Namespace" ? 0 : 1);
        await ManifestInstaller.CreateAsync(plane, documents, cancellationToken);
        var token = await WaitForTokenAsync(plane, ServiceAccount, cancellationToken);
        return AsServiceAccount(plane, token);
    }

    /// <summary>
    /// As a WATCH_NAMESPACES install with namespaced Roles only: config/rbac/namespaced's Role and RoleBinding in each of
    /// <paramref name="namespaces"/>, bound to <see cref="NamespacedServiceAccount"/>, which has no other rights.
    /// </summary>
    public static async Task<k8s.KubernetesClientConfiguration> InstallNamespacedAsync(LocalControlPlane plane, IReadOnlyList<string> namespaces, CancellationToken cancellationToken = default)
    {
        await InstallAsync(plane, cancellationToken);
        var account = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ServiceAccount",
            ["metadata"] = new JsonObject { ["name"] = NamespacedServiceAccount, ["namespace"] = Namespace },
        };
        var directory = YamlManifests.RepositoryPath("config", "rbac", "namespaced");
        var grants = namespaces.SelectMany(ns => ManifestInstaller.FilesIn(directory).SelectMany(YamlManifests.Load).Select(document => InNamespace(document, ns)));
        await ManifestInstaller.CreateAsync(plane, [account, .. grants], cancellationToken);
        var token = await WaitForTokenAsync(plane, NamespacedServiceAccount, cancellationToken);
        return AsServiceAccount(plane, token);
    }

    /// <summary>The control plane's server and CA with a service account's token (the admin context's, with the token replaced).</summary>
    private static k8s.KubernetesClientConfiguration AsServiceAccount(LocalControlPlane plane, string token)
    {
        var configuration = plane.Configuration();
        configuration.AccessToken = token;
        return configuration;
    }

    /// <summary>A shipped Role or RoleBinding moved to <paramref name="namespace"/>, a binding's subject made the namespaced account.</summary>
    private static JsonObject InNamespace(JsonObject document, string @namespace)
    {
        document["metadata"]!["namespace"] = @namespace;
        foreach (var subject in document["subjects"]?.AsArray() ?? [])
        {
            subject!["name"] = NamespacedServiceAccount;
        }

        return document;
    }

    /// <summary>
    /// A kubeconfig acting as the operator's service account (its token from <see cref="InstallAsync"/>), for an
    /// operator run as a separate process or in a container: the server, the control plane's CA, and the token.
    /// </summary>
    public static string Kubeconfig(LocalControlPlane plane, string token) => TestKubeconfigs.WithUser(plane, $"token: {token}");

    /// <summary>kube-controller-manager's token controller gives the service account a token Secret.</summary>
    private static async Task<string> WaitForTokenAsync(LocalControlPlane plane, string serviceAccount, CancellationToken cancellationToken)
    {
        using var admin = plane.CreateClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TokenTimeout);
        try
        {
            while (true)
            {
                var secrets = await admin.ListAsync<V1Secret>(Namespace, cancellationToken: timeout.Token);
                var token = secrets.Items.FirstOrDefault(s => s.Type == "kubernetes.io/service-account-token"
                    && s.Metadata.Annotations?.TryGetValue("kubernetes.io/service-account.name", out var name) == true && name == serviceAccount);
                if (token?.Data?.TryGetValue("token", out var value) == true)
                {
                    return Encoding.UTF8.GetString(value);
                }

                await Task.Delay(PollInterval, TimeProvider.System, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no token Secret for service account {Namespace}/{serviceAccount}: is kube-controller-manager's serviceaccount-token controller running?");
        }
    }
}
