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
/// N ObjectBuckets applied at once with one token, against the API's 20 writes/min: how close the operator gets
/// to the rate the limit allows, and whether it ever trips the limit (429). The limit's window is shortened on
/// the simulator and on the client by the same factor, so the run keeps the limit's shape and takes seconds.
/// </summary>
internal sealed class CreateThroughputScenario : IScenario
{
    public string Id => "create-throughput";

    public string Title => "Create throughput against the rate limit";

    public bool NeedsWorld => true;

    public async Task<ScenarioResult> RunAsync(BenchWorld? world, BenchmarkSizes sizes, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(world);
        var time = TimeProvider.System;
        var count = sizes.CreateObjects;
        var scale = sizes.CreateTimeScale;
        var api = new SimulatorOptions { S3 = new S3ServerOptions() };
        await using var simulator = await LatitudeSimulator.StartAsync(api with { RateLimitWindow = api.RateLimitWindow / scale }, cancellationToken);
        var client = new LatitudeClientOptions();
        var ns = await world.CreateNamespaceAsync("bench-create-", cancellationToken);
        using var operatorClient = new KubernetesClient(world.OperatorAccess, BucketOperatorRuntime.Json);
        var counting = new CountingKubernetesClient(operatorClient);
        await using var ready = await ReadyWatch.StartAsync(world.Admin, ns, time, cancellationToken);
        await using (var running = InProcessOperator.Start(counting, simulator, ns, client with { RateLimitWindow = client.RateLimitWindow / scale }, world.Loggers))
        {
            await running.WaitForSyncAsync(cancellationToken);
            var names = Enumerable.Range(0, count).Select(i => $"create-{i}").ToList();
            await progress.WriteLineAsync($"{Id}: applying {count} ObjectBuckets at once; limits {api.WritesPerMinute} writes and {api.ReadsPerMinute} reads per {api.RateLimitWindow.TotalSeconds / scale:0.#} s ({scale}× the API's speed)");
            var applied = time.GetTimestamp();
            await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (name, ct) =>
                await world.Admin.CreateAsync(new ObjectBucket { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns }, Spec = new ObjectBucketSpec { Region = "DAL" } }, ct));
            var allowed = TimeSpan.FromMinutes(2.0 * count / api.WritesPerMinute * 3 / scale) + TimeSpan.FromMinutes(2);
            await ready.WaitAsync(names, allowed, cancellationToken);
            var elapsed = time.GetElapsedTime(applied, names.Max(n => ready.ReadyAt(n)!.Value));
            return Report(count, scale, api, elapsed, simulator.Requests.Entries, counting.Snapshot());
        }
    }

    private static ScenarioResult Report(int count, int scale, SimulatorOptions api, TimeSpan elapsed, IReadOnlyList<Latitude.Simulator.Pipeline.RecordedRequest> requests, RequestCounts kubernetes)
    {
        // What a bucket needs is what the API accepted; a refused (429) request is counted on its own.
        var refused = requests.Count(r => r.Status == 429);
        var writes = requests.Count(r => r.Method != "GET" && r.Status != 429);
        var reads = requests.Count(r => r.Method == "GET" && r.Status != 429);
        var writesPerBucket = (double)writes / count;
        var apiMinutes = elapsed.TotalMinutes * scale;
        var achieved = count / apiMinutes;
        var bound = api.WritesPerMinute / writesPerBucket;

        // The first window's writes go at once; every further window adds WritesPerMinute more.
        var earliest = Math.Max(0, Math.Ceiling((double)writes / api.WritesPerMinute) - 1);
        var throughput = new ResultTable("ObjectBuckets", "apply → all Ready", "achieved", "bound (20 writes/min ÷ writes per bucket)", "achieved ÷ bound", "earliest finish the limit allows", "429 answers")
            .Add(
                Format.Count(count),
                $"{Format.Number(apiMinutes, "0.00")} min ({Format.Seconds(elapsed.TotalSeconds)} at {scale}×)",
                $"{Format.Number(achieved, "0.00")} buckets/min",
                $"{Format.Number(bound, "0.00")} buckets/min",
                Format.Number(achieved / bound, "0.00"),
                $"{Format.Number(earliest, "0")} min (achieved time ÷ earliest: {Format.Number(earliest == 0 ? double.NaN : apiMinutes / earliest, "0.00")})",
                Format.Count(refused));
        var perBucket = new ResultTable("per created bucket", "Latitude writes (accepted)", "Latitude reads (accepted)", "Kubernetes writes", "Kubernetes reads", "Kubernetes requests by verb (all buckets)")
            .Add(
                "measured",
                Format.Number(writesPerBucket, "0.00"),
                Format.Number((double)reads / count, "0.00"),
                Format.Number((double)kubernetes.Writes / count, "0.0"),
                Format.Number((double)kubernetes.Reads / count, "0.0"),
                kubernetes.Describe());
        return new ScenarioResult(
            [throughput, perBucket],
            [
                $"The simulator and the client count their limits over a window {scale}× shorter than the API's (simulator {Format.Seconds(api.RateLimitWindow.TotalSeconds / scale)}, client {Format.Seconds(new LatitudeClientOptions().RateLimitWindow.TotalSeconds / scale)} with its one-second margin scaled too); times are given in API minutes (measured × {scale}). Latency does not scale: the client's margin against the API counting a request later than the client does is {Format.Ms(1.0 / scale)} here instead of 1 s, so on a loaded machine scheduling jitter can put a 21st write into one simulator window, which the API answers with 429.",
                "Bound: the API allows 20 writes per minute per token and each bucket needs the writes in the second table (bucket POST + key POST on the current API), so a sustained run cannot beat 20 ÷ that many buckets per minute. A run shorter than a few minutes can beat it a little, because the first minute's 20 writes go at once: \"earliest finish\" is the time a client that used every write the moment the limit allowed it would need for the same writes.",
                "The simulator backs every bucket with a real S3 server (s3rver), and the operator proves each Secret over S3 before Ready=True; it adds no artificial latency.",
            ]);
    }
}
