using System.Text.Json;
using System.Text.Json.Nodes;
using BucketOperator.Entities;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Diagnostics;
using BucketOperator.Kubernetes.Models.Core;
using BucketOperator.Operator.Diagnostics;
using BucketOperator.Operator.Hosting;

namespace BucketOperator.Operator.Tests.Support;

/// <summary>
/// SPEC: "Secret values never appear in logs, events, status, metrics or error messages". Looks everywhere the
/// operator writes for every secret a test made or saw: log lines (message, scopes, exception text and stack),
/// every Event in the namespace, every ObjectBucket (status conditions and all), and a Prometheus scrape of the
/// meters <c>/metrics</c> exports. Create it before the operator starts, so its counters see everything.
/// </summary>
internal sealed class SecretLeakAudit : IDisposable
{
    private readonly PrometheusExporter _metrics = new(OperatorMeter.Exported);

    /// <summary>Fails naming the place and the line (never the secret); returns how much it looked at, for the test's output.</summary>
    public async Task<string> AssertNoLeaksAsync(IKubernetesClient admin, string @namespace, IReadOnlyList<string> logLines, IReadOnlyList<string> secrets)
    {
        Assert.NotEmpty(secrets);
        var events = (await admin.ListAsync<Event>(@namespace)).Items;
        var buckets = (await admin.ListAsync<ObjectBucket>(@namespace)).Items;
        var eventText = events.SelectMany(Strings).ToList();
        var bucketText = buckets.SelectMany(Strings).ToList();
        var metricLines = _metrics.Scrape().Split('\n');

        SecretScan.AssertAbsent(logLines, secrets, "the operator's log (messages, scopes, exceptions)");
        SecretScan.AssertAbsent(eventText, secrets, "the namespace's Events");
        SecretScan.AssertAbsent(bucketText, secrets, "the ObjectBuckets (spec, status, conditions)");
        SecretScan.AssertAbsent(metricLines, secrets, "the /metrics exposition");
        return $"secret audit: {secrets.Count} secrets absent from {logLines.Count} log lines, {events.Count} Events, {buckets.Count} ObjectBuckets, {metricLines.Length} metric lines";
    }

    public void Dispose() => _metrics.Dispose();

    /// <summary>Every property name and string value of the object as JSON, unescaped: a secret cannot hide behind \u002B.</summary>
    private static IEnumerable<string> Strings<T>(T obj)
    {
        var node = JsonSerializer.SerializeToNode(obj, BucketOperatorRuntime.Json);
        return node is null ? [] : Walk(node);
    }

    private static IEnumerable<string> Walk(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Value is null ? [p.Key] : Walk(p.Value).Prepend(p.Key)),
        JsonArray a => a.OfType<JsonNode>().SelectMany(Walk),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => [v.GetValue<string>()],
        _ => [node.ToJsonString()],
    };
}
