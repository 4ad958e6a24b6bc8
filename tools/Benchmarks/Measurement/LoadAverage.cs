using System.Globalization;

namespace BucketOperator.Benchmarks.Measurement;

/// <summary>The machine's 1, 5 and 15 minute load averages (<c>/proc/loadavg</c>): how busy the shared machine was.</summary>
internal sealed record LoadAverage(double OneMinute, double FiveMinutes, double FifteenMinutes)
{
    public static LoadAverage Now()
    {
        var fields = File.ReadAllText("/proc/loadavg").Split(' ');
        return new LoadAverage(Parse(fields[0]), Parse(fields[1]), Parse(fields[2]));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{OneMinute:0.00}, {FiveMinutes:0.00}, {FifteenMinutes:0.00}");

    private static double Parse(string value) => double.Parse(value, CultureInfo.InvariantCulture);
}
