using System.Text.Json;
using System.Text.Json.Serialization;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Kubernetes.Serialization;

/// <summary>
/// Source-generated serializers for the KubernetesClient package's models that this library uses. The package's own
/// serializer (<c>k8s.KubernetesJson</c>) works by reflection with options shared by the whole process; generating
/// ours from the same models keeps the wire form (the models carry their JSON names) without either.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(KubernetesTimeConverter), typeof(KubernetesDateTimeConverter)])]
[JsonSerializable(typeof(V1Status))]
[JsonSerializable(typeof(Condition))]
[JsonSerializable(typeof(DeleteOptions))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(V1Namespace))]
[JsonSerializable(typeof(KubernetesList<V1Namespace>))]
[JsonSerializable(typeof(V1ConfigMap))]
[JsonSerializable(typeof(KubernetesList<V1ConfigMap>))]
[JsonSerializable(typeof(V1Secret))]
[JsonSerializable(typeof(KubernetesList<V1Secret>))]
[JsonSerializable(typeof(Corev1Event))]
[JsonSerializable(typeof(KubernetesList<Corev1Event>))]
[JsonSerializable(typeof(V1Lease))]
[JsonSerializable(typeof(KubernetesList<V1Lease>))]
[JsonSerializable(typeof(V1CustomResourceDefinition))]
[JsonSerializable(typeof(KubernetesList<V1CustomResourceDefinition>))]
public sealed partial class KubernetesJsonContext : JsonSerializerContext;
