using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Serialization;

namespace BucketOperator.Entities.Tests.Integration;

/// <summary>
/// An ObjectBucket as the server stores it, untyped: shows which fields the server filled in, which the typed
/// entity hides behind its C# defaults.
/// </summary>
[KubernetesEntity(Group = "storage.latitude.sh", ApiVersion = "v1alpha1", Kind = "ObjectBucket", PluralName = "objectbuckets")]
public sealed record StoredObjectBucket : IKubernetesObject
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public V1ObjectMeta Metadata { get; set; } = new();

    public JsonObject? Spec { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(KubernetesTimeConverter), typeof(KubernetesDateTimeConverter)])]
[JsonSerializable(typeof(StoredObjectBucket))]
internal sealed partial class StoredJsonContext : JsonSerializerContext;
