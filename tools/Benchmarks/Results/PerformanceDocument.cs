namespace BucketOperator.Benchmarks.Results;

/// <summary>
/// docs/performance.md: prose written by hand, and generated sections between <c>&lt;!-- results:ID --&gt;</c> and
/// <c>&lt;!-- /results:ID --&gt;</c> that a run replaces, each on its own, so running one scenario updates one table.
/// </summary>
internal static class PerformanceDocument
{
    public static async Task UpdateAsync(string path, string id, string markdown, CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(path, cancellationToken);
        var (open, close) = ($"<!-- results:{id} -->", $"<!-- /results:{id} -->");
        var start = text.IndexOf(open, StringComparison.Ordinal);
        var end = text.IndexOf(close, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new InvalidOperationException($"{path} has no section '{open}' … '{close}' for the results of '{id}'");
        }

        var updated = string.Concat(text.AsSpan(0, start + open.Length), "\n", markdown, text.AsSpan(end));
        await File.WriteAllTextAsync(path, updated, cancellationToken);
    }
}
