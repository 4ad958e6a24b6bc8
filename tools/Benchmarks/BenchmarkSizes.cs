namespace BucketOperator.Benchmarks;

/// <summary>How big each scenario runs: the full sizes of docs/performance.md, or small ones that only show everything still runs (CI).</summary>
internal sealed record BenchmarkSizes
{
    public static BenchmarkSizes Full { get; } = new()
    {
        Quick = false,
        CreateObjects = 100,
        CreateTimeScale = 4,
        LatencyObjects = 100,
        SteadyObjects = 1000,
        SteadyResync = TimeSpan.FromSeconds(15),
        ScaleObjects = [100, 1000, 10_000],
    };

    public static BenchmarkSizes QuickCheck { get; } = new()
    {
        Quick = true,
        CreateObjects = 12,
        CreateTimeScale = 10,
        LatencyObjects = 5,
        SteadyObjects = 20,
        SteadyResync = TimeSpan.FromSeconds(2),
        ScaleObjects = [10, 30],
    };

    public required bool Quick { get; init; }

    /// <summary>ObjectBuckets applied at once with one token.</summary>
    public required int CreateObjects { get; init; }

    /// <summary>The rate-limit window is this many times shorter than the API's minute, on the simulator and the client alike.</summary>
    public required int CreateTimeScale { get; init; }

    /// <summary>ObjectBuckets applied one after another, each waited for.</summary>
    public required int LatencyObjects { get; init; }

    public required int SteadyObjects { get; init; }

    public required TimeSpan SteadyResync { get; init; }

    /// <summary>Cache sizes, in increasing order (the objects are added to one namespace as it grows).</summary>
    public required IReadOnlyList<int> ScaleObjects { get; init; }
}
