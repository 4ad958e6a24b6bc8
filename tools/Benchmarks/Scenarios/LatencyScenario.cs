using BucketOperator.Benchmarks.Measurement;
using BucketOperator.Benchmarks.Results;
using BucketOperator.Benchmarks.World;
using BucketOperator.Entities;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Latitude;
using BucketOperator.Latitude.Simulator;
using BucketOperator.Operator.Hosting;

namespace BucketOperator.Benchmarks.Scenarios;

/// <summary>
/// How long one ObjectBucket takes from apply to Ready=True when nothing else is going on and the API answers at
/// once, and where the time goes: the API server's watch, the operator's queue, the reconcile itself. Objects are
/// applied one at a time, each after the previous one is Ready, so no object waits for another.
/// </summary>
internal sealed class LatencyScenario : IScenario
{
    public string Id => "latency";

    public string Title => "Latency";

    public bool NeedsWorld => true;

    public async Task<ScenarioResult> RunAsync(BenchWorld? world, BenchmarkSizes sizes, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(world);
        var time = TimeProvider.System;
        await using var simulator = await LatitudeSimulator.StartAsync(
            LatitudeAccess.UnlimitedSimulator with { S3 = new S3ServerOptions() }, cancellationToken);
        var ns = await world.CreateNamespaceAsync("bench-latency-", cancellationToken);
        using var operatorClient = new KubernetesClient(world.OperatorAccess, BucketOperatorRuntime.Json);
        var touches = new FirstTouchRecorder(operatorClient, time);
        using var probe = new RuntimeProbe(time);
        await using var ready = await ReadyWatch.StartAsync(world.Admin, ns, time, cancellationToken);
        await using var running = InProcessOperator.Start(
            touches, simulator, ns, new LatitudeClientOptions { ReadsPerMinute = LatitudeAccess.Unlimited, WritesPerMinute = LatitudeAccess.Unlimited }, world.Loggers);
        await running.WaitForSyncAsync(cancellationToken);
        await progress.WriteLineAsync($"{Id}: applying {sizes.LatencyObjects} ObjectBuckets one at a time");
        var waitsBefore = probe.QueueWaits.Count;
        var samples = new List<(long Applied, string Name)>();
        for (var i = 0; i < sizes.LatencyObjects; i++)
        {
            var name = $"latency-{i}";
            var applied = time.GetTimestamp();
            await world.Admin.CreateAsync(new ObjectBucket { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns }, Spec = new ObjectBucketSpec { Region = "DAL" } }, cancellationToken);
            await ready.WaitAsync([name], TimeSpan.FromSeconds(60), cancellationToken);
            samples.Add((applied, name));
        }

        double Seconds(long from, long? to) => to is { } end ? time.GetElapsedTime(from, end).TotalSeconds : double.NaN;
        var table = new ResultTable("interval", "p50", "p99", "max", "samples");
        void Row(string interval, IEnumerable<double> values)
        {
            var p = new Percentiles(values.Where(v => !double.IsNaN(v)));
            table.Add(interval, Format.Ms(p.P50), Format.Ms(p.P99), Format.Ms(p.Max), Format.Count(p.Count));
        }

        Row("apply → Ready=True (the whole path)", samples.Select(s => Seconds(s.Applied, ready.ReadyAt(s.Name))));
        Row("apply → the operator's watch event", samples.Select(s => Seconds(s.Applied, touches.AddedAt(s.Name))));
        Row("watch event → reconcile start (its first request)", samples.Select(s => touches.AddedAt(s.Name) is { } added ? Seconds(added, touches.FirstWriteAt(s.Name)) : double.NaN));
        Row("queue wait, every hand-out (workqueue_queue_duration_seconds)", probe.QueueWaits.Skip(waitsBefore));
        return new ScenarioResult(
            [table],
            [
                "Apply is the create request `kubectl apply` makes for a new object (sent by the benchmark's client, without kubectl's own start-up); Ready=True is when a watch of the namespace, like `kubectl get -w`, shows it.",
                "The operator runs in the benchmark's process as its service account, with 4 workers; the simulator adds no latency and its rate limits are lifted, and it backs buckets with a real S3 server, over which the operator proves each Secret before Ready=True.",
                "Reconcile start is when the reconcile of the new object sends its first request (adding the finalizer), which follows only cache reads and validation. The queue wait counts every time a worker took a key, including the requeues that the operator's own writes cause (a key changed while it was being reconciled waits for that reconcile to finish), so its tail is longer.",
                "Physical floor: one object's path is a chain of loopback requests, each waiting for the one before: about ten Kubernetes writes (finalizer, status, Secret, Events; counted per bucket under create throughput), two Latitude POSTs, a Latitude read and an S3 round trip.",
            ]);
    }
}
