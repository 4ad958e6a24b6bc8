using System.Text.Json;
using System.Text.Json.Nodes;
using BucketOperator.ControlPlane;
using BucketOperator.Entities;
using BucketOperator.Entities.Serialization;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;

namespace BucketOperator.LocalEnvironment;

/// <summary>config/samples applied as a user would (<c>kubectl apply -f config/samples</c>), into "default" unless a document names its namespace.</summary>
internal static class Samples
{
    public const string DefaultNamespace = "default";

    /// <summary>Other documents (e.g. a Secret holding a team's own API token) first, so the ObjectBuckets find them. Returns the ObjectBuckets' keys.</summary>
    public static async Task<IReadOnlyList<ObjectKey>> ApplyAsync(LocalControlPlane plane, IKubernetesClient client, CancellationToken cancellationToken)
    {
        var documents = ManifestInstaller.FilesIn(YamlManifests.RepositoryPath("config", "samples")).SelectMany(YamlManifests.Load).ToList();
        foreach (var document in documents.Where(d => Kind(d) != "Namespace"))
        {
            var metadata = (JsonObject)(document["metadata"] ??= new JsonObject());
            metadata["namespace"] ??= DefaultNamespace;
        }

        await ManifestInstaller.CreateAsync(plane, documents.Where(d => Kind(d) != ResourceType.Of<ObjectBucket>().Kind), cancellationToken);
        var keys = new List<ObjectKey>();
        foreach (var document in documents.Where(d => Kind(d) == ResourceType.Of<ObjectBucket>().Kind))
        {
            var bucket = document.Deserialize(EntitiesJsonContext.Default.ObjectBucket)!;
            try
            {
                await client.CreateAsync(bucket, cancellationToken);
            }
            catch (KubernetesApiException e) when (e.IsAlreadyExists)
            {
                // Applied by an earlier start against this control plane.
            }

            keys.Add(ObjectKey.Of(bucket));
        }

        return keys;
    }

    private static string? Kind(JsonObject document) => document["kind"]?.GetValue<string>();
}
