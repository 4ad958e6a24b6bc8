using System.Text.Json;
using BucketOperator.Kubernetes.Serialization;

namespace BucketOperator.Kubernetes.Cache;

/// <summary>What an <see cref="Informer{T}"/> caches and how it keeps the cache current.</summary>
public sealed record InformerOptions
{
    /// <summary>
    /// Empty (the default) caches every namespace with one list+watch. Otherwise one list+watch per namespace feeds
    /// the one cache, so an operator whose Roles cover only these namespaces needs no cluster-wide permission.
    /// </summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    /// <summary>Cache only matching objects, e.g. Secrets carrying the operator's label. Objects that stop matching are seen as deleted.</summary>
    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    /// <summary>
    /// How often every cached object is replayed to the handlers as an update (from the cache, not the server),
    /// so level-based controllers re-check the world. Zero (the default) disables it; at least 1 s otherwise.
    /// </summary>
    public TimeSpan ResyncPeriod { get; init; }

    /// <summary>Objects per list page (default 500, as client-go), so a large collection never arrives as one response.</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>Each watch connection asks the server to end it after this to 2× this (default 5 min).</summary>
    public TimeSpan WatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>First delay before relisting after a failed list or watch (default 800 ms), doubling to <see cref="MaximumBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(800);

    /// <summary>Default 30 s.</summary>
    public TimeSpan MaximumBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The serializer that knows the cached kind (default: the built-in kinds only).</summary>
    public JsonSerializerOptions Json { get; init; } = KubernetesJson.Default;

    /// <summary>
    /// Records every change made to a cached (shared, read-only) object in <see cref="Informer{T}.ReadOnlyViolations"/>.
    /// Costs a serialization per read: for tests.
    /// </summary>
    public bool CheckReadOnly { get; init; }

    /// <summary>The namespace of each list+watch: null once for the whole cluster, else each namespace once.</summary>
    internal IReadOnlyList<string?> Scopes => Namespaces.Count == 0 ? [null] : [.. Namespaces.Distinct(StringComparer.Ordinal)];

    /// <summary>Record equality, with the namespaces compared by content.</summary>
    internal bool SameAs(InformerOptions other) =>
        this with { Namespaces = other.Namespaces } == other && Namespaces.SequenceEqual(other.Namespaces);

    internal void Validate()
    {
        if (ResyncPeriod != TimeSpan.Zero && ResyncPeriod < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException($"ResyncPeriod must be zero (off) or at least 1 s, not {ResyncPeriod}.");
        }

        if (Namespaces.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Namespaces must not contain an empty name.");
        }

        if (PageSize < 1)
        {
            throw new ArgumentException($"PageSize must be positive, not {PageSize}.");
        }
    }
}
