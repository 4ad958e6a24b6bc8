using BucketOperator.Benchmarks.Measurement;
using BucketOperator.Benchmarks.Results;
using BucketOperator.Benchmarks.World;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Latitude;
using BucketOperator.Latitude.Simulator;
using BucketOperator.Latitude.Simulator.Pipeline;
using BucketOperator.Operator.Hosting;

namespace BucketOperator.Benchmarks.Scenarios;

/// <summary>
/// Many Available ObjectBuckets through several resyncs (a short resync period): what keeping them costs in
/// Kubernetes and Latitude requests. SPEC's safety rules say: no writes, and one bucket list per (token, project)
/// per resync, however many objects.
/// </summary>
internal sealed class SteadyStateScenario : IScenario
{
    private const int Resyncs = 4;
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    public string Id => "steady-state";

    public string Title => "Steady state";

    public bool NeedsWorld => true;

    public async Task<ScenarioResult> RunAsync(BenchWorld? world, BenchmarkSizes sizes, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(world);
        var time = TimeProvider.System;
        var count = sizes.SteadyObjects;
        await using var simulator = await LatitudeSimulator.StartAsync(LatitudeAccess.UnlimitedSimulator, cancellationToken);
        var ns = await world.CreateNamespaceAsync("bench-steady-", cancellationToken);
        await progress.WriteLineAsync($"{Id}: creating {count} Available ObjectBuckets");
        using (var access = new LatitudeAccess(simulator))
        {
            await new AvailableBuckets(world.Admin, access.Client, time).CreateAsync(ns, "steady", 0, count, 8, cancellationToken);
        }

        simulator.Requests.Clear();
        using var operatorClient = new KubernetesClient(world.OperatorAccess, BucketOperatorRuntime.Json);
        var counting = new CountingKubernetesClient(operatorClient);
        using var probe = new RuntimeProbe(time);
        var table = new ResultTable("phase", "reconciles", "Kubernetes writes", "Kubernetes reads", "Latitude reads", "Latitude writes", "last reconcile done after", "process CPU");
        await progress.WriteLineAsync($"{Id}: operator started, resync every {sizes.SteadyResync.TotalSeconds:0} s; waiting for {Resyncs} resyncs");
        var before = new Snapshot(probe.Reconciles, counting.Snapshot(), simulator.Requests.Entries.Count, ProcessStats.Now().CpuTime);
        var started = time.GetTimestamp();
        await using (InProcessOperator.Start(counting, simulator, ns, new LatitudeClientOptions(), world.Loggers, sizes.SteadyResync))
        {
            var timeout = sizes.SteadyResync + TimeSpan.FromMinutes(5);
            for (var phase = 0; phase <= Resyncs; phase++)
            {
                var done = await probe.WaitIdleAsync((long)count * (phase + 1), Quiet, timeout, cancellationToken);
                var after = new Snapshot(probe.Reconciles, counting.Snapshot(), simulator.Requests.Entries.Count, ProcessStats.Now().CpuTime);
                var began = phase == 0 ? started : probe.ResyncStarts[phase - 1];
                Row(table, phase == 0 ? "initial sync (list, then reconcile every object)" : $"resync {phase}", before, after, simulator.Requests.Entries, time.GetElapsedTime(began, done));
                before = after;
            }
        }

        return new ScenarioResult(
            [table],
            [
                $"{Format.Count(count)} ObjectBuckets (and their Secrets), all Available, in one namespace, with one token and one project: one (token, project) pair, so the target is 0 writes of either kind and 1 Latitude read (the bucket list) per resync.",
                $"The objects were made directly in the API server in the operator's Available state (status written by the operator's own status code, Secrets by its own Secret builder); the initial sync's zero writes show the operator took them as its own. The resync period is {sizes.SteadyResync.TotalSeconds:0} s instead of the default 10 min; the Latitude client keeps its default limits.",
                "A resync replays the cache (not the server) to the controller; the first reconcile of a resync lists the project's buckets again once the previous list is 0.8 of a period old, so resync 1 can reuse the initial sync's list when that ended late in the first period.",
                "Process CPU is the benchmark's whole process: the operator, plus the simulator answering its requests.",
            ]);
    }

    private static void Row(ResultTable table, string phase, Snapshot before, Snapshot after, IReadOnlyList<RecordedRequest> requests, TimeSpan elapsed)
    {
        var latitude = requests.Skip(before.LatitudeRequests).Take(after.LatitudeRequests - before.LatitudeRequests).ToList();
        var kubernetes = after.Kubernetes.Since(before.Kubernetes);
        table.Add(
            phase,
            Format.Count(after.Reconciles - before.Reconciles),
            kubernetes.Writes == 0 ? "0" : $"{kubernetes.Writes} ({kubernetes.Describe()})",
            Format.Count(kubernetes.Reads),
            Describe(latitude.Where(r => r.Method == "GET").ToList()),
            Describe(latitude.Where(r => r.Method != "GET").ToList()),
            Format.Seconds(elapsed.TotalSeconds),
            Format.Seconds((after.Cpu - before.Cpu).TotalSeconds));
    }

    private static string Describe(List<RecordedRequest> requests) =>
        requests.Count == 0 ? "0" : $"{requests.Count} ({string.Join(", ", requests.GroupBy(r => $"{r.Method} {r.Path}").OrderByDescending(g => g.Count()).Take(3).Select(g => $"{g.Count()}× {g.Key}"))})";

    private sealed record Snapshot(long Reconciles, RequestCounts Kubernetes, int LatitudeRequests, TimeSpan Cpu);
}
