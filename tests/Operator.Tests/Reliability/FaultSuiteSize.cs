using System.Globalization;

namespace BucketOperator.Operator.Tests.Reliability;

/// <summary>
/// The reliability suite's knobs, from the environment: <c>RELIABILITY_FULL=1</c> runs the full sizes of issue 9
/// (the default run is sized for CI), <c>RELIABILITY_SEED</c> replays a run's random choices.
/// </summary>
internal static class FaultSuiteSize
{
    public static bool Full => Environment.GetEnvironmentVariable("RELIABILITY_FULL") == "1";

    public static int Pick(int quick, int full) => Full ? full : quick;

    /// <summary><c>RELIABILITY_SEED</c> when set, else <paramref name="fallback"/>: a fixed default keeps CI repeatable.</summary>
    public static int Seed(int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable("RELIABILITY_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : fallback;
}
