using System.Text.Json;
using System.Text.Json.Nodes;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Serialization;

namespace BucketOperator.ControlPlane;

/// <summary>Installs the repository's manifests on a control plane.</summary>
public static class ManifestInstaller
{
    private static readonly JsonSerializerOptions Json = KubernetesJson.Create(ManifestJsonContext.Default);

    public static string ObjectBucketCrdPath => YamlManifests.RepositoryPath("config", "crd", "storage.latitude.sh_objectbuckets.yaml");

    /// <summary>The manifests of a config/ folder, in name order: every <c>*.yaml</c> but kustomization.yaml.</summary>
    public static IReadOnlyList<string> FilesIn(string directory) =>
        [.. Directory.GetFiles(directory, "*.yaml").Where(f => Path.GetFileName(f) != "kustomization.yaml").Order(StringComparer.Ordinal)];

    /// <summary>
    /// Create or replace, not server-side apply: a 1.20 server rejects the CEL rules in an apply patch
    /// ("x-kubernetes-validations: field not declared in schema") but drops them from a plain write.
    /// </summary>
    public static async Task InstallCrdAsync(IKubernetesClient client, string path, CancellationToken cancellationToken = default)
    {
        var crd = YamlManifests.Load(path).Single().Deserialize(KubernetesJsonContext.Default.V1CustomResourceDefinition)!;
        var name = crd.Metadata.Name!;
        if (await client.GetAsync<V1CustomResourceDefinition>(name, cancellationToken: cancellationToken) is { } existing)
        {
            await client.ReplaceAsync(crd with { Metadata = existing.Metadata }, cancellationToken);
        }
        else
        {
            await client.CreateAsync(crd, cancellationToken);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while ((await client.GetAsync<V1CustomResourceDefinition>(name, cancellationToken: timeout.Token))?.Status?.Conditions?
               .Any(c => c is { Type: "Established", Status: "True" }) != true)
        {
            await Task.Delay(100, timeout.Token);
        }
    }

    /// <summary>
    /// Creates every document as an administrator, in order; objects that already exist are left as they are.
    /// Knows Namespace, Secret, ServiceAccount, ClusterRole, ClusterRoleBinding, Role and RoleBinding.
    /// </summary>
    public static async Task CreateAsync(LocalControlPlane plane, IEnumerable<JsonObject> documents, CancellationToken cancellationToken = default)
    {
        using var admin = plane.CreateClient(Json);
        foreach (var document in documents)
        {
            try
            {
                await CreateAsync(admin, document, cancellationToken);
            }
            catch (KubernetesApiException e) when (e.IsAlreadyExists)
            {
                // Installed earlier on this control plane.
            }
        }
    }

    private static Task CreateAsync(KubernetesClient admin, JsonObject document, CancellationToken cancellationToken) => document["kind"]?.GetValue<string>() switch
    {
        "Namespace" => admin.CreateAsync(document.Deserialize<NamespaceDocument>(Json)!, cancellationToken),
        "Secret" => admin.CreateAsync(document.Deserialize<SecretDocument>(Json)!, cancellationToken),
        "ServiceAccount" => admin.CreateAsync(document.Deserialize<ServiceAccountDocument>(Json)!, cancellationToken),
        "ClusterRole" => admin.CreateAsync(document.Deserialize<ClusterRoleDocument>(Json)!, cancellationToken),
        "ClusterRoleBinding" => admin.CreateAsync(document.Deserialize<ClusterRoleBindingDocument>(Json)!, cancellationToken),
        "Role" => admin.CreateAsync(document.Deserialize<RoleDocument>(Json)!, cancellationToken),
        "RoleBinding" => admin.CreateAsync(document.Deserialize<RoleBindingDocument>(Json)!, cancellationToken),
        var kind => throw new InvalidOperationException($"a manifest holds a {kind ?? "document without kind"}, which the installer does not know how to create"),
    };
}
