using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Serialization;

namespace BucketOperator.Entities.Tests.Integration;

/// <summary>
/// An ObjectBucket as the server stores it, untyped: shows which fields the server filled in, which the typed
/// entity hides behind its C# defaults.
/// </summary>
public sealed record StoredObjectBucket : IKubernetesObject<StoredObjectBucket>
{
    public static ResourceType Resource => ObjectBucket.Resource;

    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public ObjectMeta Metadata { get; set; } = new();

    public JsonObject? Spec { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(KubernetesTimeConverter)])]
[JsonSerializable(typeof(StoredObjectBucket))]
internal sealed partial class StoredJsonContext : JsonSerializerContext;
