using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Kubernetes.Controller;

/// <summary>Filters for update notifications (controller-runtime's predicates).</summary>
public static class Predicates
{
    /// <summary>
    /// For kinds with a status subresource: an update matters when it is a resync (same resourceVersion), a spec
    /// change (generation), or a change of labels, annotations, finalizers or the deletion timestamp. A write of
    /// status alone (usually the controller's own) is dropped, so it does not start another reconcile and a
    /// terminal failure's slow retry is not turned into a loop. Not for kinds without <c>metadata.generation</c>
    /// (ConfigMaps, Secrets): their content changes would be dropped too.
    /// </summary>
    public static bool IgnoreStatusOnlyChanges(IKubernetesObject oldObj, IKubernetesObject newObj)
    {
        var (a, b) = (oldObj.Metadata, newObj.Metadata);
        return a.ResourceVersion == b.ResourceVersion
            || a.Generation != b.Generation
            || a.DeletionTimestamp != b.DeletionTimestamp
            || !SameMap(a.Labels, b.Labels)
            || !SameMap(a.Annotations, b.Annotations)
            || !(a.Finalizers ?? []).SequenceEqual(b.Finalizers ?? []);
    }

    private static bool SameMap(IDictionary<string, string>? a, IDictionary<string, string>? b) =>
        (a?.Count ?? 0) == (b?.Count ?? 0) && (a ?? new Dictionary<string, string>()).All(pair => b!.TryGetValue(pair.Key, out var value) && value == pair.Value);
}
