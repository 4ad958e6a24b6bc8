using System.Globalization;
using System.Text.Json;
using BucketOperator.Benchmarks.Measurement;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Config;
using BucketOperator.Latitude;
using BucketOperator.Operator.Configuration;
using BucketOperator.Operator.Hosting;
using Microsoft.Extensions.Logging;

namespace BucketOperator.Benchmarks.Scale;

/// <summary>
/// The child side of the scale scenario: a fresh process that runs the operator's runtime as the operator's host
/// does (same settings parser, same clients, JSON logs at Information, here on standard error), waits for the
/// initial sync of a namespace of known size, and reports its own memory and CPU from <c>/proc/self</c> and the GC.
/// Measuring inside the process is what gives the managed heap, which the kernel cannot see.
/// </summary>
internal static class ScaleProbe
{
    public const string Command = "scale-probe";

    /// <param name="args"><c>--objects N</c>, then the operator's own flags.</param>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var settings = OperatorSettings.Parse([.. args.Skip(2)], Environment.GetEnvironmentVariable);
        if (args is not ["--objects", var count, ..] || !int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var objects) || settings.Options is not { } options)
        {
            await Console.Error.WriteLineAsync($"usage: {Command} --objects N <operator flags>; {string.Join("; ", settings.Errors)}");
            return 2;
        }

        var time = TimeProvider.System;
        var baselineHeap = GC.GetTotalMemory(forceFullCollection: true);
        var baseline = ProcessStats.Now();
        using var loggers = LoggerFactory.Create(b => b
            .AddJsonConsole(o => o.IncludeScopes = true)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .SetMinimumLevel(LogLevel.Information));
        using var kubernetes = new KubernetesClient(ClusterConfig.Resolve(options.Kubeconfig), BucketOperatorRuntime.Json);
        var counting = new CountingKubernetesClient(kubernetes);
        var latitudeOptions = new LatitudeClientOptions { BaseAddress = options.LatitudeApiUrl };
        using var latitudeHttp = LatitudeClientFactory.CreateHttpClient(latitudeOptions);
        using var probe = new RuntimeProbe(time);
        var runtime = new BucketOperatorRuntime(counting, options, new LatitudeClientFactory(latitudeHttp, latitudeOptions, time, loggers), loggers, time);

        using var stop = new CancellationTokenSource();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = ProcessStats.Now().CpuTime;
        var started = time.GetTimestamp();
        var running = Task.Run(() => runtime.RunAsync(stop.Token));
        while (!runtime.HasSynced && !running.IsCompleted)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), time);
        }

        var listed = time.GetElapsedTime(started);
        var done = await probe.WaitIdleAsync(objects, TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(15), CancellationToken.None);
        var synced = ProcessStats.Now();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        var liveHeap = GC.GetTotalMemory(forceFullCollection: true);
        var requests = counting.Snapshot();
        await stop.CancelAsync();
        await running;

        var result = new ScaleProbeResult
        {
            Objects = objects,
            ListSeconds = listed.TotalSeconds,
            SyncSeconds = time.GetElapsedTime(started, done).TotalSeconds,
            CpuSeconds = (synced.CpuTime - cpuBefore).TotalSeconds,
            Reconciles = probe.Reconciles,
            AllocatedBytes = allocated,
            BaselineRssBytes = baseline.ResidentBytes,
            RssBytes = synced.ResidentBytes,
            PeakRssBytes = synced.PeakResidentBytes,
            HeapBeforeCollectionBytes = heap,
            BaselineLiveHeapBytes = baselineHeap,
            LiveHeapBytes = liveHeap,
            KubernetesWrites = requests.Writes,
            KubernetesRequests = requests.Describe(),
        };
        Console.Out.WriteLine(JsonSerializer.Serialize(result, ScaleJsonContext.Default.ScaleProbeResult));
        return 0;
    }
}
