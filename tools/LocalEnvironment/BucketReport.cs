using System.Globalization;
using System.Text;
using BucketOperator.Entities;
using BucketOperator.Kubernetes.Client;

namespace BucketOperator.LocalEnvironment;

/// <summary>
/// What <c>kubectl get objectbuckets -A</c> would print (the CRD's printer columns), why each sample that is not
/// ready is not, and the key names of each generated Secret. Secret values are never read into the report.
/// </summary>
internal static class BucketReport
{
    private const string ColumnGap = "   ";

    public static async Task<string> BuildAsync(IKubernetesClient client, IEnumerable<ObjectBucket> samples, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // kubectl's order.
        var buckets = samples.OrderBy(b => b.Metadata.NamespaceProperty, StringComparer.Ordinal).ThenBy(b => b.Metadata.Name, StringComparer.Ordinal).ToList();
        var report = new StringBuilder();
        report.AppendLine().AppendLine("$ kubectl get objectbuckets -A");
        string[] header = ["NAMESPACE", "NAME", "BUCKET", "REGION", "CLASS", "READY", "REASON", "AGE"];
        AppendTable(report, [header, .. buckets.Select(b => Row(b, now))]);

        var failing = buckets.Where(b => Readiness.Ready(b)?.Status != "True").ToList();
        if (failing.Count > 0)
        {
            report.AppendLine().AppendLine("Not ready (Ready reason: message, and the latest Warning event):");
            foreach (var bucket in failing)
            {
                var ready = Readiness.Ready(bucket);
                report.AppendLine(CultureInfo.InvariantCulture, $"  {bucket.Metadata.NamespaceProperty}/{bucket.Metadata.Name}: {ready?.Reason ?? "no Ready condition yet"}: {ready?.Message}");
                if (await LatestWarningAsync(client, bucket, cancellationToken) is { } warning)
                {
                    report.AppendLine(CultureInfo.InvariantCulture, $"    event {warning.Reason} (x{warning.Count ?? 1}): {warning.Message}");
                }
            }
        }

        report.AppendLine().AppendLine("Secrets written by the operator (key names only):");
        foreach (var bucket in buckets)
        {
            var name = bucket.Status?.SecretName ?? bucket.Spec.SecretName ?? bucket.Metadata.Name!;
            var secret = await client.GetAsync<V1Secret>(name, bucket.Metadata.NamespaceProperty, cancellationToken);
            var keys = secret?.Data is { Count: > 0 } data ? string.Join(", ", data.Keys.Order(StringComparer.Ordinal)) : "(none yet)";
            report.AppendLine(CultureInfo.InvariantCulture, $"  {bucket.Metadata.NamespaceProperty}/{name}: {keys}");
        }

        return report.ToString();
    }

    private static async Task<Corev1Event?> LatestWarningAsync(IKubernetesClient client, ObjectBucket bucket, CancellationToken cancellationToken)
    {
        var events = await client.ListAsync<Corev1Event>(bucket.Metadata.NamespaceProperty, cancellationToken: cancellationToken);
        return events.Items
            .Where(e => e.Type == "Warning" && e.InvolvedObject is { Kind: "ObjectBucket" } involved && involved.Name == bucket.Metadata.Name)
            .MaxBy(e => e.LastTimestamp ?? e.Metadata.CreationTimestamp);
    }

    private static string[] Row(ObjectBucket bucket, DateTimeOffset now)
    {
        var ready = Readiness.Ready(bucket);
        return
        [
            bucket.Metadata.NamespaceProperty ?? "",
            bucket.Metadata.Name ?? "",
            bucket.Status?.BucketName ?? "",
            bucket.Spec.Region,
            bucket.Spec.StorageClass,
            ready?.Status ?? "",
            ready?.Reason ?? "",
            bucket.Metadata.CreationTimestamp is { } created ? Age(now - created) : "",
        ];
    }

    private static void AppendTable(StringBuilder report, IReadOnlyList<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(column => rows.Max(row => row[column].Length)).ToArray();
        foreach (var row in rows)
        {
            report.AppendLine(string.Join(ColumnGap, row.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
        }
    }

    // kubectl's coarse ages: 45s, 7m, 5h, 3d.
    private static string Age(TimeSpan age) => age switch
    {
        { TotalMinutes: < 2 } => $"{Math.Max(0, (int)age.TotalSeconds)}s",
        { TotalHours: < 3 } => $"{(int)age.TotalMinutes}m",
        { TotalDays: < 2 } => $"{(int)age.TotalHours}h",
        _ => $"{(int)age.TotalDays}d",
    };
}
