namespace BucketOperator.Benchmarks.Scale;

/// <summary>What a scale probe process measured of itself, sent to the benchmark as one JSON line.</summary>
internal sealed record ScaleProbeResult
{
    public required int Objects { get; init; }

    /// <summary>Start of the runtime → both caches listed.</summary>
    public required double ListSeconds { get; init; }

    /// <summary>Start of the runtime → the last reconcile of the initial sync finished.</summary>
    public required double SyncSeconds { get; init; }

    /// <summary>CPU time (user + system, all threads) from the start of the runtime to the end of the initial sync.</summary>
    public required double CpuSeconds { get; init; }

    public required long Reconciles { get; init; }

    /// <summary>Managed bytes allocated during the initial sync.</summary>
    public required long AllocatedBytes { get; init; }

    public required long BaselineRssBytes { get; init; }

    public required long RssBytes { get; init; }

    public required long PeakRssBytes { get; init; }

    /// <summary>The managed heap at the end of the sync, garbage not yet collected included (<c>GC.GetTotalMemory(false)</c>).</summary>
    public required long HeapBeforeCollectionBytes { get; init; }

    public required long BaselineLiveHeapBytes { get; init; }

    /// <summary>What survives a full, compacting collection after the sync: what the caches and the runtime hold.</summary>
    public required long LiveHeapBytes { get; init; }

    public required int KubernetesWrites { get; init; }

    public required string KubernetesRequests { get; init; }
}
