using Xunit.Abstractions;

namespace BucketOperator.Benchmarks.Tests;

/// <summary>
/// CI runs the benchmarks' quick mode (hack/bench.sh --quick, in this process): every scenario at small sizes
/// against a real control plane and the simulator, so a change that breaks one shows here. Its figures are printed,
/// never asserted: they mean nothing at these sizes on a busy machine.
/// </summary>
public sealed class QuickRunTests(ITestOutputHelper output)
{
    [Fact]
    public async Task QuickMode_EveryScenarioRuns_AndReportsItsTables()
    {
        using var progress = new StringWriter();
        try
        {
            var reports = await BenchmarkRun.RunAsync(BenchmarkSizes.QuickCheck, only: null, progress, CancellationToken.None);

            Assert.Equal(BenchmarkRun.Scenarios.Select(s => s.Id), reports.Select(r => r.Id));
            Assert.All(reports, r => Assert.All(r.Result.Tables, t => Assert.NotEmpty(t.Rows)));

            // The steady-state and scale figures are about objects the operator takes as its own Available ones; a write
            // here would mean the benchmark arranges them differently from the operator and measures something else.
            var steady = reports.Single(r => r.Id == "steady-state").Result.Tables[0];
            Assert.All(steady.Column("Kubernetes writes"), cell => Assert.Equal("0", cell));
            var scale = reports.Single(r => r.Id == "scale").Result.Tables[0];
            Assert.All(scale.Column("writes: Kubernetes, Latitude calls"), cell => Assert.StartsWith("0,", cell, StringComparison.Ordinal));
        }
        finally
        {
            output.WriteLine(progress.ToString());
        }
    }
}
