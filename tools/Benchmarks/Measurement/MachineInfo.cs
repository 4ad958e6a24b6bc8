using System.Runtime.InteropServices;

namespace BucketOperator.Benchmarks.Measurement;

/// <summary>What the figures were measured on.</summary>
internal sealed record MachineInfo(string Cpu, int Cores, double MemoryGiB, string Os, string Runtime)
{
    public static MachineInfo Current()
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        var memory = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var kib = long.Parse(memory.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        return new MachineInfo(cpu, Environment.ProcessorCount, kib / 1024.0 / 1024.0, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription);
    }
}
