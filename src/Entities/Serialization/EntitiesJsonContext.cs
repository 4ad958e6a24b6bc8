using System.Text.Json.Serialization;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Serialization;

namespace BucketOperator.Entities.Serialization;

/// <summary>
/// Source-generated JSON for the custom resources, in the API server's shape (camelCase, absent rather than
/// null). Pass it to <c>KubernetesJson.Create(EntitiesJsonContext.Default)</c>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(KubernetesTimeConverter), typeof(KubernetesDateTimeConverter)])]
[JsonSerializable(typeof(ObjectBucket))]
[JsonSerializable(typeof(KubernetesList<ObjectBucket>))]
public sealed partial class EntitiesJsonContext : JsonSerializerContext;
