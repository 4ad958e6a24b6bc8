using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace BucketOperator.Kubernetes.Serialization;

/// <summary>
/// Serializer options for the client. Callers with their own kinds (custom resources) pass their
/// source-generated context, which is tried before the built-in one.
/// </summary>
public static class KubernetesJson
{
    public static JsonSerializerOptions Default { get; } = Create();

    public static JsonSerializerOptions Create(params IJsonTypeInfoResolver[] additionalResolvers)
    {
        var options = new JsonSerializerOptions(KubernetesJsonContext.Default.Options);
        options.TypeInfoResolverChain.Clear();
        foreach (var resolver in additionalResolvers)
        {
            options.TypeInfoResolverChain.Add(resolver);
        }

        options.TypeInfoResolverChain.Add(KubernetesJsonContext.Default);
        options.TypeInfoResolver = options.TypeInfoResolver!.WithAddedModifier(SkipManagedFields);
        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// <c>metadata.managedFields</c> is the server's bookkeeping for server-side apply, often larger than the object
    /// itself, and nothing here reads it: it is neither read nor written. A write without it keeps the server's.
    /// </summary>
    private static void SkipManagedFields(JsonTypeInfo type)
    {
        if (type.Type == typeof(V1ObjectMeta))
        {
            var managedFields = type.Properties.Single(p => p.Name == "managedFields");
            type.Properties.Remove(managedFields);
        }
    }

    /// <summary>The generated metadata for <typeparamref name="T"/>, or a message naming the missing registration.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>(this JsonSerializerOptions options)
    {
        if (options.TryGetTypeInfo(typeof(T), out var info) && info is JsonTypeInfo<T> typed)
        {
            return typed;
        }

        throw new InvalidOperationException(
            $"No JSON metadata for {typeof(T)}: add [JsonSerializable(typeof({typeof(T).Name}))] to a JsonSerializerContext passed to KubernetesJson.Create.");
    }
}
