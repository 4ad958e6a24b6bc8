namespace BucketOperator.Benchmarks.Measurement;

/// <summary>Kubernetes requests by "VERB resource" (e.g. <c>UPDATE status objectbuckets</c>) at one moment.</summary>
internal sealed record RequestCounts(IReadOnlyDictionary<string, int> ByVerbAndResource)
{
    private static readonly string[] ReadVerbs = ["GET", "LIST"];

    public int Writes => ByVerbAndResource.Where(p => !IsRead(p.Key)).Sum(p => p.Value);

    public int Reads => ByVerbAndResource.Where(p => IsRead(p.Key)).Sum(p => p.Value);

    /// <summary>What happened between <paramref name="earlier"/> and this snapshot.</summary>
    public RequestCounts Since(RequestCounts earlier) => new(ByVerbAndResource
        .Select(p => (p.Key, Value: p.Value - earlier.ByVerbAndResource.GetValueOrDefault(p.Key)))
        .Where(p => p.Value != 0)
        .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));

    /// <summary>"12 UPDATE status objectbuckets, 3 CREATE events", or "none".</summary>
    public string Describe() => ByVerbAndResource.Count == 0 ? "none" : string.Join(", ", ByVerbAndResource.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Value} {p.Key}"));

    private static bool IsRead(string key) => ReadVerbs.Contains(key.Split(' ')[0]);
}
