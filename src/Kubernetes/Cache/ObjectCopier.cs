using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Serialization;

namespace BucketOperator.Kubernetes.Cache;

/// <summary>
/// Deep copies through the kind's own source-generated serializer: models are records with mutable
/// dictionaries and lists, so a <c>with</c> copy would share them with the cached original. A round trip
/// through JSON copies exactly what the server sent, whatever the kind.
/// </summary>
internal sealed class ObjectCopier<T>(JsonSerializerOptions json)
    where T : class, IKubernetesObject
{
    private readonly JsonTypeInfo<T> _type = json.TypeInfo<T>();

    public T Copy(T obj) =>
        JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(obj, _type), _type)
            ?? throw new InvalidOperationException($"{typeof(T).Name} serialized to null");
}
