using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BucketOperator.Benchmarks.Reconcile;
using BucketOperator.Benchmarks.Results;
using BucketOperator.Benchmarks.World;

namespace BucketOperator.Benchmarks.Scenarios;

/// <summary>CPU and allocations per reconcile of an unchanged object, with BenchmarkDotNet, so regressions show.</summary>
internal sealed class ReconcileCostScenario : IScenario
{
    public string Id => "reconcile-cost";

    public string Title => "Cost per reconcile";

    public bool NeedsWorld => false;

    public async Task<ScenarioResult> RunAsync(BenchWorld? world, BenchmarkSizes sizes, TextWriter progress, CancellationToken cancellationToken)
    {
        var job = (sizes.Quick ? Job.Dry : Job.ShortRun).WithToolchain(InProcessEmitToolchain.Instance);
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(sizes.Quick ? NullLogger.Instance : ConsoleLogger.Default)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "bucket-operator-benchmarks"))

            // The quick check runs in test builds, which are not optimized; the figures of such a run mean nothing.
            .WithOptions(sizes.Quick ? ConfigOptions.DisableOptimizationsValidator : ConfigOptions.Default);
        await progress.WriteLineAsync($"{Id}: BenchmarkDotNet, job {(sizes.Quick ? "Dry" : "ShortRun")}, in process");
        var summary = await Task.Run(() => BenchmarkRunner.Run<ReconcileBenchmarks>(config), cancellationToken);

        var table = new ResultTable("operation", "mean", "allocated per operation");
        foreach (var report in summary.Reports)
        {
            if (!report.Success || report.ResultStatistics is not { } statistics)
            {
                throw new InvalidOperationException($"BenchmarkDotNet could not measure {report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo}; see its log in {summary.LogFilePath}");
            }

            var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
            table.Add(
                report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\''),
                Format.Number(statistics.Mean / 1000, "0.0") + " µs",
                allocated is { } bytes ? Format.KiB(bytes) : "–");
        }

        return new ScenarioResult(
            [table],
            [
                $"BenchmarkDotNet 0.14.0, {(sizes.Quick ? "a dry job (one call: a check that it runs, not a measurement)" : "ShortRun job (3 warm-up and 3 measured iterations)")}, in process, with its memory diagnoser.",
                "The reconciler is the one the runtime builds, over real informer caches fed by an in-memory Kubernetes client that fails any write (so the reconcile provably writes nothing) and the Latitude simulator in process; the project's bucket list is listed once and then served by the operator's inventory, as within one resync.",
                "Physical limit: none to compare with; a resync of N objects costs N times this (plus the informer's replay) on one core.",
            ]);
    }
}
