namespace BucketOperator.Operator.Tests.Support;

/// <summary>Fails when any secret occurs in any of the lines, naming where (never the secret itself).</summary>
internal static class SecretScan
{
    public static void AssertAbsent(IEnumerable<string> lines, IReadOnlyList<string> secrets, string where)
    {
        var leaks = lines
            .Select((line, number) => (line, number))
            .SelectMany(l => secrets.Select((secret, index) => (l.number, index, found: l.line.Contains(secret, StringComparison.Ordinal))))
            .Where(hit => hit.found)
            .Select(hit => $"line {hit.number + 1} contains secret #{hit.index}")
            .ToList();
        Assert.True(leaks.Count == 0, $"{where} leaks secrets: {string.Join("; ", leaks.Take(10))}");
    }
}
