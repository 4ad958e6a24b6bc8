namespace BucketOperator.Kubernetes.Cache;

/// <summary>
/// What the cache changes in every object on the way in, as controller-runtime's cache transforms do:
/// <list type="bullet">
/// <item>kubectl's <c>last-applied-configuration</c> annotation (a second copy of the whole object, for every object
/// kubectl applied) is dropped: nothing here reads it. <c>managedFields</c> is not even deserialized
/// (<see cref="Serialization.KubernetesJson"/>).</item>
/// <item>Strings every object repeats (its namespace, label and annotation keys, finalizers, owner kinds, a Secret's
/// type and data keys) are shared: at 10,000 objects each repetition costs another copy per object. Only names drawn
/// from a small vocabulary are interned, never values that are unique per object, so the intern pool stays small.</item>
/// </list>
/// </summary>
internal static class ObjectTrimmer
{
    public const string LastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

    /// <summary>Trims <paramref name="obj"/> in place; it comes straight from the server and nobody else holds it yet.</summary>
    public static T Trim<T>(T obj)
        where T : class, IKubernetesObject
    {
        var metadata = obj.Metadata;
        metadata.NamespaceProperty = Intern(metadata.NamespaceProperty);
        metadata.Annotations = Keys(metadata.Annotations, drop: LastAppliedAnnotation);
        metadata.Labels = Keys(metadata.Labels);
        if (metadata.Finalizers is { Count: > 0 } finalizers)
        {
            metadata.Finalizers = [.. finalizers.Select(string.Intern)];
        }

        foreach (var owner in metadata.OwnerReferences ?? [])
        {
            (owner.ApiVersion, owner.Kind) = (Intern(owner.ApiVersion), Intern(owner.Kind));
        }

        if (obj is V1Secret secret)
        {
            secret.Type = Intern(secret.Type);
            secret.Data = Keys(secret.Data);
        }

        return obj;
    }

    private static string? Intern(string? value) => value is null ? null : string.Intern(value);

    private static Dictionary<string, TValue>? Keys<TValue>(IDictionary<string, TValue>? entries, string? drop = null)
    {
        if (entries is null)
        {
            return null;
        }

        var kept = new Dictionary<string, TValue>(entries.Count, StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            if (key != drop)
            {
                kept[string.Intern(key)] = value;
            }
        }

        // A map that held only the dropped entry goes with it; an empty one stays as the server sent it.
        return kept.Count == 0 && entries.Count > 0 ? null : kept;
    }
}
