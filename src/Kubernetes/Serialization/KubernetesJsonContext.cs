using System.Text.Json;
using System.Text.Json.Serialization;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Models.ApiExtensions;
using BucketOperator.Kubernetes.Models.Coordination;
using BucketOperator.Kubernetes.Models.Core;

namespace BucketOperator.Kubernetes.Serialization;

/// <summary>Source-generated serializers for the built-in kinds this library knows.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(KubernetesTimeConverter)])]
[JsonSerializable(typeof(Status))]
[JsonSerializable(typeof(Condition))]
[JsonSerializable(typeof(DeleteOptions))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(Namespace))]
[JsonSerializable(typeof(KubernetesList<Namespace>))]
[JsonSerializable(typeof(ConfigMap))]
[JsonSerializable(typeof(KubernetesList<ConfigMap>))]
[JsonSerializable(typeof(Secret))]
[JsonSerializable(typeof(KubernetesList<Secret>))]
[JsonSerializable(typeof(Event))]
[JsonSerializable(typeof(KubernetesList<Event>))]
[JsonSerializable(typeof(Lease))]
[JsonSerializable(typeof(KubernetesList<Lease>))]
[JsonSerializable(typeof(CustomResourceDefinition))]
[JsonSerializable(typeof(KubernetesList<CustomResourceDefinition>))]
public sealed partial class KubernetesJsonContext : JsonSerializerContext;
