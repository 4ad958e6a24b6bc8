using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Text.Json.Nodes;
using BucketOperator.Entities;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Operator.Diagnostics;
using BucketOperator.Operator.Hosting;

namespace BucketOperator.Operator.Tests.Support;

/// <summary>
/// SPEC: "Secret values never appear in logs, events, status, metrics or error messages". Looks everywhere the
/// operator writes for every secret a test made or saw: log lines (message, scopes, exception text and stack),
/// every Event in the namespace, every ObjectBucket (status conditions and all), and every series the meters
/// <c>/metrics</c> exports recorded (name and label values: all an exposition can show). Create it before the
/// operator starts, so it sees every measurement.
/// </summary>
internal sealed class SecretLeakAudit : IDisposable
{
    private readonly MeterListener _metrics = new();
    private readonly ConcurrentDictionary<string, byte> _series = new();

    public SecretLeakAudit()
    {
        _metrics.InstrumentPublished = (instrument, listener) =>
        {
            if (OperatorMeter.Exported.Contains(instrument.Meter.Name))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _metrics.SetMeasurementEventCallback<long>((i, _, tags, _) => Record(i, tags));
        _metrics.SetMeasurementEventCallback<int>((i, _, tags, _) => Record(i, tags));
        _metrics.SetMeasurementEventCallback<double>((i, _, tags, _) => Record(i, tags));
        _metrics.Start();
    }

    /// <summary>Fails naming the place and the line (never the secret); returns how much it looked at, for the test's output.</summary>
    public async Task<string> AssertNoLeaksAsync(IKubernetesClient admin, string @namespace, IReadOnlyList<string> logLines, IReadOnlyList<string> secrets)
    {
        Assert.NotEmpty(secrets);
        var events = (await admin.ListAsync<Corev1Event>(@namespace)).Items;
        var buckets = (await admin.ListAsync<ObjectBucket>(@namespace)).Items;
        var eventText = events.SelectMany(Strings).ToList();
        var bucketText = buckets.SelectMany(Strings).ToList();
        _metrics.RecordObservableInstruments();
        var metricLines = _series.Keys.ToList();

        SecretScan.AssertAbsent(logLines, secrets, "the operator's log (messages, scopes, exceptions)");
        SecretScan.AssertAbsent(eventText, secrets, "the namespace's Events");
        SecretScan.AssertAbsent(bucketText, secrets, "the ObjectBuckets (spec, status, conditions)");
        SecretScan.AssertAbsent(metricLines, secrets, "the exported metrics (series names and labels)");
        return $"secret audit: {secrets.Count} secrets absent from {logLines.Count} log lines, {events.Count} Events, {buckets.Count} ObjectBuckets, {metricLines.Count} metric series";
    }

    public void Dispose() => _metrics.Dispose();

    private void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var series = instrument.Name;
        foreach (var (key, value) in tags)
        {
            series += $" {key}={value}";
        }

        _series.TryAdd(series, 0);
    }

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
