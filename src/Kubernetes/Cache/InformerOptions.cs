using System.Text.Json;
using BucketOperator.Kubernetes.Serialization;

namespace BucketOperator.Kubernetes.Cache;

/// <summary>What an <see cref="Informer{T}"/> caches and how it keeps the cache current.</summary>
public sealed record InformerOptions
{
    /// <summary>Null (the default) caches every namespace.</summary>
    public string? Namespace { get; init; }

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

    /// <summary>The serializer that knows the cached kind (default: the built-in kinds only); also used for deep copies.</summary>
    public JsonSerializerOptions Json { get; init; } = KubernetesJson.Default;

    internal void Validate()
    {
        if (ResyncPeriod != TimeSpan.Zero && ResyncPeriod < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException($"ResyncPeriod must be zero (off) or at least 1 s, not {ResyncPeriod}.");
        }

        if (PageSize < 1)
        {
            throw new ArgumentException($"PageSize must be positive, not {PageSize}.");
        }
    }
}
