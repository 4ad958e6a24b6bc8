using System.Diagnostics;
using BucketOperator.Benchmarks.Measurement;
using BucketOperator.Benchmarks.Results;
using BucketOperator.Benchmarks.Scenarios;
using BucketOperator.Benchmarks.World;

namespace BucketOperator.Benchmarks;

/// <summary>Runs the scenarios in order against one control plane (started only if one of them needs it).</summary>
internal static class BenchmarkRun
{
    public static IReadOnlyList<IScenario> Scenarios { get; } =
    [
        new CreateThroughputScenario(),
        new LatencyScenario(),
        new SteadyStateScenario(),
        new ScaleScenario(),
        new ReconcileCostScenario(),
    ];

    /// <param name="only">Scenario ids to run; null or empty runs all.</param>
    public static async Task<IReadOnlyList<ScenarioReport>> RunAsync(BenchmarkSizes sizes, IReadOnlyCollection<string>? only, TextWriter progress, CancellationToken cancellationToken)
    {
        var selected = Scenarios.Where(s => only is null || only.Count == 0 || only.Contains(s.Id)).ToList();
        var reports = new List<ScenarioReport>();
        BenchWorld? world = null;
        try
        {
            foreach (var scenario in selected)
            {
                if (scenario.NeedsWorld && world is null)
                {
                    await progress.WriteLineAsync("Starting etcd, kube-apiserver and kube-controller-manager; installing config/…");
                    world = await BenchWorld.StartAsync(cancellationToken);
                }

                var started = DateTimeOffset.UtcNow;
                var load = LoadAverage.Now();
                var clock = Stopwatch.StartNew();
                var result = await scenario.RunAsync(scenario.NeedsWorld ? world : null, sizes, progress, cancellationToken);
                var report = new ScenarioReport(scenario.Id, scenario.Title, result, new RunConditions(started, clock.Elapsed, sizes.Quick, load, LoadAverage.Now()));
                await progress.WriteLineAsync($"\n## {report.Title}\n\n{report.ToMarkdown()}");
                reports.Add(report);
            }
        }
        finally
        {
            if (world is not null)
            {
                await world.DisposeAsync();
            }
        }

        return reports;
    }
}
