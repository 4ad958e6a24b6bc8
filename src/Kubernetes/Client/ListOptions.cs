namespace BucketOperator.Kubernetes.Client;

/// <summary>Query parameters of list and watch calls.</summary>
public sealed record ListOptions
{
    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    /// <summary>Page size; the response's <c>metadata.continue</c> fetches the next page.</summary>
    public int? Limit { get; init; }

    public string? Continue { get; init; }

    /// <summary>
    /// For a list, "0" allows the server's watch cache to answer; unset means a quorum read.
    /// For a watch, the version to start after.
    /// </summary>
    public string? ResourceVersion { get; init; }

    /// <summary>For a watch: the server ends the stream after this long (a client reconnects).</summary>
    public int? TimeoutSeconds { get; init; }

    internal string ToQuery(bool watch)
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{key}={Uri.EscapeDataString(value)}");
            }
        }

        if (watch)
        {
            Add("watch", "true");
            Add("allowWatchBookmarks", "true");
        }

        Add("labelSelector", LabelSelector);
        Add("fieldSelector", FieldSelector);
        Add("limit", Limit?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("continue", Continue);
        Add("resourceVersion", ResourceVersion);
        Add("timeoutSeconds", TimeoutSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
