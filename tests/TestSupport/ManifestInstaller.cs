using System.Text.Json;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models.ApiExtensions;
using BucketOperator.Kubernetes.Serialization;

namespace BucketOperator.TestSupport;

/// <summary>Installs the repository's CRDs on a control plane and waits until they are served.</summary>
public static class ManifestInstaller
{
    public static string ObjectBucketCrdPath => YamlManifests.RepositoryPath("config", "crd", "storage.latitude.sh_objectbuckets.yaml");

    /// <summary>
    /// Create or replace, not server-side apply: a 1.20 server rejects the CEL rules in an apply patch
    /// ("x-kubernetes-validations: field not declared in schema") but drops them from a plain write.
    /// </summary>
    public static async Task InstallCrdAsync(IKubernetesClient client, string path, CancellationToken cancellationToken = default)
    {
        var crd = YamlManifests.Load(path).Single().Deserialize(KubernetesJsonContext.Default.CustomResourceDefinition)!;
        var name = crd.Metadata.Name!;
        if (await client.GetAsync<CustomResourceDefinition>(name, cancellationToken: cancellationToken) is { } existing)
        {
            await client.ReplaceAsync(crd with { Metadata = existing.Metadata }, cancellationToken);
        }
        else
        {
            await client.CreateAsync(crd, cancellationToken);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while ((await client.GetAsync<CustomResourceDefinition>(name, cancellationToken: timeout.Token))?.Status?.Conditions?
               .Any(c => c is { Type: "Established", Status: "True" }) != true)
        {
            await Task.Delay(100, timeout.Token);
        }
    }
}
