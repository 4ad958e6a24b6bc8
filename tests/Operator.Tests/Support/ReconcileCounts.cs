using System.Text.RegularExpressions;

namespace BucketOperator.Operator.Tests.Support;

/// <summary>Reconciles per object and their outcomes, read from the controller's "Reconciled ns/name: outcome" debug lines.</summary>
internal static partial class ReconcileCounts
{
    /// <summary>Reconciles of each object of <paramref name="namespace"/>, by name.</summary>
    public static IReadOnlyDictionary<string, int> PerObject(IEnumerable<string> logLines, string @namespace) =>
        Parse(logLines, @namespace).CountBy(r => r.Name).ToDictionary();

    /// <summary>How many reconciles of <paramref name="namespace"/>'s objects ended in each outcome (success, retry, error, …).</summary>
    public static IReadOnlyDictionary<string, int> ByOutcome(IEnumerable<string> logLines, string @namespace) =>
        Parse(logLines, @namespace).CountBy(r => r.Outcome).ToDictionary();

    private static IEnumerable<(string Name, string Outcome)> Parse(IEnumerable<string> logLines, string @namespace) =>
        logLines.Select(line => Reconciled().Match(line))
            .Where(m => m.Success && m.Groups["ns"].Value == @namespace)
            .Select(m => (m.Groups["name"].Value, m.Groups["outcome"].Value));

    [GeneratedRegex("^Reconciled (?<ns>[^/ ]+)/(?<name>[^: ]+): (?<outcome>[a-z_]+) in ")]
    private static partial Regex Reconciled();
}
