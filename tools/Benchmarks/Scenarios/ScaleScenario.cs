using BucketOperator.Benchmarks.Results;
using BucketOperator.Benchmarks.Scale;
using BucketOperator.Benchmarks.World;
using BucketOperator.ControlPlane;
using BucketOperator.Latitude.Simulator;
using BucketOperator.Latitude.Simulator.State;

namespace BucketOperator.Benchmarks.Scenarios;

/// <summary>
/// The operator's memory and CPU with 100, 1,000 and 10,000 ObjectBuckets (and as many Secrets) in its caches,
/// each measured in a fresh operator process from start to the end of its initial sync, and how each grows with N.
/// </summary>
internal sealed class ScaleScenario : IScenario
{
    public string Id => "scale";

    public string Title => "Scale";

    public bool NeedsWorld => true;

    public async Task<ScenarioResult> RunAsync(BenchWorld? world, BenchmarkSizes sizes, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(world);
        await using var simulator = await LatitudeSimulator.StartAsync(LatitudeAccess.UnlimitedSimulator, cancellationToken);
        var ns = await world.CreateNamespaceAsync("bench-scale-", cancellationToken);
        var kubeconfig = Path.Combine(world.Plane.Directory, "operator-kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, OperatorInstallation.Kubeconfig(world.Plane, world.OperatorAccess.AccessToken!), cancellationToken);
        string[] flags =
        [
            "--kubeconfig", kubeconfig,
            "--latitude-api-url", simulator.BaseAddress.ToString(),
            "--default-project", SimulatorSeed.Project,
            "--watch-namespaces", ns,
        ];
        var results = new List<(ScaleProbeResult Probe, int LatitudeRequests)>();
        using var access = new LatitudeAccess(simulator);
        var buckets = new AvailableBuckets(world.Admin, access.Client, TimeProvider.System);
        var made = 0;
        foreach (var size in sizes.ScaleObjects)
        {
            await progress.WriteLineAsync($"{Id}: creating {size - made} more Available ObjectBuckets ({size} in all)");
            await buckets.CreateAsync(ns, "scale", made, size - made, 8, cancellationToken);
            made = size;
            simulator.Requests.Clear();
            await progress.WriteLineAsync($"{Id}: starting an operator process over {size} ObjectBuckets");
            var probe = await ScaleProbeProcess.RunAsync(size, flags, cancellationToken);
            results.Add((probe, simulator.Requests.Entries.Count));
        }

        return Report(results);
    }

    private static ScenarioResult Report(List<(ScaleProbeResult Probe, int LatitudeRequests)> results)
    {
        var table = new ResultTable(
            "ObjectBuckets (+ Secrets) cached", "time to sync", "of which listing", "CPU for the initial sync", "allocated", "RSS after sync (peak)", "managed heap: live after full GC (before it)", "reconciles", "writes: Kubernetes, Latitude calls");
        foreach (var (p, latitude) in results)
        {
            table.Add(
                Format.Count(p.Objects),
                Format.Seconds(p.SyncSeconds),
                Format.Seconds(p.ListSeconds),
                Format.Seconds(p.CpuSeconds),
                Format.MiB(p.AllocatedBytes),
                $"{Format.MiB(p.RssBytes)} ({Format.MiB(p.PeakRssBytes)})",
                $"{Format.MiB(p.LiveHeapBytes)} ({Format.MiB(p.HeapBeforeCollectionBytes)})",
                Format.Count(p.Reconciles),
                $"{p.KubernetesWrites}, {latitude}");
        }

        var growth = new ResultTable("growth per 1,000 objects", "time to sync", "CPU", "allocated", "RSS", "peak RSS", "live managed heap");
        var (first, last) = (results[0].Probe, results[^1].Probe);
        var thousands = (last.Objects - first.Objects) / 1000.0;
        if (thousands > 0)
        {
            growth.Add(
                $"{Format.Count(first.Objects)} → {Format.Count(last.Objects)}",
                Format.Seconds((last.SyncSeconds - first.SyncSeconds) / thousands),
                Format.Seconds((last.CpuSeconds - first.CpuSeconds) / thousands),
                Format.MiB((long)((last.AllocatedBytes - first.AllocatedBytes) / thousands)),
                Format.MiB((long)((last.RssBytes - first.RssBytes) / thousands)),
                Format.MiB((long)((last.PeakRssBytes - first.PeakRssBytes) / thousands)),
                Format.MiB((long)((last.LiveHeapBytes - first.LiveHeapBytes) / thousands)));
        }

        return new ScenarioResult(
            [table, growth],
            [
                "Each size is a fresh process: this program started as `scale-probe`, which runs the operator's runtime exactly as the operator's host wires it (its settings parser, clients, 4 workers, JSON logs at Information), as the operator's service account (config/rbac), against the simulator with the client's default limits. It reports its own RSS (`/proc/self/status` VmRSS, VmHWM), CPU (user + system of all threads) and GC figures, and counts its Kubernetes writes.",
                $"The objects were created directly in the API server in the Available state, with status pre-filled and their Secrets (see steady state); creating {Format.Count(results[^1].Probe.Objects)} through the API's 20 writes/min would take days. Zero Kubernetes writes show the operator took them as its own; the Latitude calls are the initial sync's bucket list(s).",
                "Time to sync runs from starting the runtime to the last reconcile of the initial sync: the paged list of ObjectBuckets and Secrets (500 per page), then one reconcile per object. CPU covers the same span.",
                $"Baseline before the runtime started: RSS {Format.MiB(results[0].Probe.BaselineRssBytes)}, live managed heap {Format.MiB(results[0].Probe.BaselineLiveHeapBytes)}.",
            ]);
    }
}
