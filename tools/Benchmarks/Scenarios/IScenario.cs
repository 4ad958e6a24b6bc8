using BucketOperator.Benchmarks.Results;
using BucketOperator.Benchmarks.World;

namespace BucketOperator.Benchmarks.Scenarios;

/// <summary>One measurement: its section id in docs/performance.md, and how to run it.</summary>
internal interface IScenario
{
    /// <summary>The name on the command line (<c>--only</c>) and of the section in docs/performance.md.</summary>
    string Id { get; }

    string Title { get; }

    /// <summary>False for measurements that need no API server (they are run without starting one).</summary>
    bool NeedsWorld { get; }

    /// <param name="world">Null when <see cref="NeedsWorld"/> is false.</param>
    Task<ScenarioResult> RunAsync(BenchWorld? world, BenchmarkSizes sizes, TextWriter progress, CancellationToken cancellationToken);
}
