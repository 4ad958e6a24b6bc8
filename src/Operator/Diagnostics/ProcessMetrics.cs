using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace BucketOperator.Operator.Diagnostics;

/// <summary>The process gauges Prometheus users expect from any exporter, plus the managed heap.</summary>
public static class ProcessMetrics
{
    private static readonly DateTimeOffset Started = Process.GetCurrentProcess().StartTime.ToUniversalTime();
    private static int _registered;

    /// <summary>Creating the instruments is what registers them; later calls do nothing.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        OperatorMeter.Meter.CreateObservableCounter(
            "process_cpu_seconds_total", () => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, "s", "User and system CPU time spent.");
        OperatorMeter.Meter.CreateObservableGauge(
            "process_resident_memory_bytes", () => Environment.WorkingSet, "By", "Resident memory size.");
        OperatorMeter.Meter.CreateObservableGauge(
            "process_start_time_seconds", () => Started.ToUnixTimeMilliseconds() / 1000.0, "s", "Start time of the process since the Unix epoch.");
        OperatorMeter.Meter.CreateObservableGauge(
            "dotnet_gc_heap_size_bytes", () => GC.GetTotalMemory(forceFullCollection: false), "By", "Bytes allocated on the managed heap and not known to be free (GC.GetTotalMemory).");
        OperatorMeter.Meter.CreateObservableCounter(
            "dotnet_gc_collections_total",
            () => Enumerable.Range(0, GC.MaxGeneration + 1).Select(g => new Measurement<long>(GC.CollectionCount(g), new KeyValuePair<string, object?>("generation", g))),
            description: "Garbage collections by generation.");
    }
}
