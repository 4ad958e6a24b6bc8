using System.Globalization;

namespace BucketOperator.Benchmarks.Scenarios;

/// <summary>How figures are written in the tables: invariant culture, units spelled out.</summary>
internal static class Format
{
    public static string Ms(double seconds) => double.IsNaN(seconds) ? "–" : Number(seconds * 1000, seconds < 0.01 ? "0.00" : seconds < 1 ? "0.0" : "0") + " ms";

    public static string Seconds(double seconds) => Number(seconds, seconds < 10 ? "0.00" : "0.0") + " s";

    public static string MiB(long bytes) => Number(bytes / 1024.0 / 1024.0, "0.0") + " MiB";

    public static string KiB(double bytes) => Number(bytes / 1024.0, "0.0") + " KiB";

    public static string Number(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
