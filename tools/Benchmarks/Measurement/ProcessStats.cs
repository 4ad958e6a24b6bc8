using System.Diagnostics;
using System.Globalization;

namespace BucketOperator.Benchmarks.Measurement;

/// <summary>This process's memory as the kernel sees it (<c>/proc/self/status</c>) and its CPU time.</summary>
internal sealed record ProcessStats(long ResidentBytes, long PeakResidentBytes, TimeSpan CpuTime)
{
    public static ProcessStats Now()
    {
        var status = File.ReadAllLines("/proc/self/status");
        using var self = Process.GetCurrentProcess();
        return new ProcessStats(Kib(status, "VmRSS:"), Kib(status, "VmHWM:"), self.TotalProcessorTime);
    }

    private static long Kib(string[] status, string field) =>
        long.Parse(status.First(l => l.StartsWith(field, StringComparison.Ordinal))[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
}
