using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using BucketOperator.ControlPlane;
using BucketOperator.Entities;
using BucketOperator.Operator.Hosting;
using BucketOperator.Operator.Tests.Support;
using BucketOperator.TestSupport;
using Xunit.Abstractions;

namespace BucketOperator.Operator.Tests.EndToEnd;

/// <summary>
/// The operator as the kubelet runs it: a process with flags and environment, probes, metrics, JSON logs,
/// Lease-based leader election, and signals. Each process acts as the operator's service account.
/// </summary>
public sealed class OperatorProcessTests(ControlPlaneFixture fixture, ITestOutputHelper output) : ProcessOperatorTest(fixture)
{
    [Fact]
    public async Task TwoReplicas_LeaderReconcilesWithProbesMetricsAndJsonLogs_SigtermHandsOverTheLease()
    {
        var first = await StartProcessAsync(leaderElect: true);
        var readyAfter = await WaitUntilReadyAsync(first);
        Assert.Equal(HttpStatusCode.OK, await first.ProbeAsync("/healthz"));
        await Eventually.TrueAsync(async () => await MasterStatusAsync(first) == 1, "the first replica leads");

        var applied = Stopwatch.GetTimestamp();
        await Admin.CreateAsync(Bucket("proc-a"));
        await WaitForReadyAsync("proc-a", ReadyReasons.Available);
        var toAvailable = Stopwatch.GetElapsedTime(applied);

        // The replica's cache sees the Available status a moment after the API server does.
        IReadOnlyList<PrometheusText.Sample> metrics = [];
        await Eventually.TrueAsync(
            async () => PrometheusText.Value(metrics = PrometheusText.Parse(await first.ScrapeAsync()), "latitude_operator_objectbuckets", ("ready", "True"), ("reason", ReadyReasons.Available)) == 1,
            "the ObjectBucket gauge counts one Available");
        Assert.True(PrometheusText.Value(metrics, "controller_runtime_reconcile_total", ("controller", "objectbucket")) >= 1);
        Assert.True(PrometheusText.Value(metrics, "controller_runtime_reconcile_time_seconds_count", ("controller", "objectbucket")) >= 1);
        Assert.NotNull(PrometheusText.Value(metrics, "workqueue_depth", ("name", "objectbucket")));
        Assert.True(PrometheusText.Value(metrics, "workqueue_adds_total", ("name", "objectbucket")) >= 1);
        Assert.Equal(1, PrometheusText.Value(metrics, "latitude_operator_latitude_requests_total", ("method", "POST"), ("endpoint", "/storage/buckets"), ("code", "201")));
        Assert.True(PrometheusText.Value(metrics, "latitude_operator_informer_relists_total", ("resource", "objectbuckets.storage.latitude.sh")) >= 1);
        Assert.True(PrometheusText.Value(metrics, "process_resident_memory_bytes") > 0);
        AssertFamiliesAsCommitted(PrometheusText.Families(await first.ScrapeAsync()));

        await Task.Delay(TimeSpan.FromSeconds(3));
        var idleRss = first.ResidentBytes();
        var idleHeap = Assert.NotNull(PrometheusText.Value(PrometheusText.Parse(await first.ScrapeAsync()), "dotnet_gc_heap_size_bytes"));

        var second = await StartProcessAsync(leaderElect: true);
        await WaitUntilReadyAsync(second);
        Assert.Equal(0, await MasterStatusAsync(second));

        var terminated = Stopwatch.GetTimestamp();
        await first.TerminateAsync();
        Assert.Equal(0, await first.WaitForExitAsync(HostBuilderExtensions.ShutdownTimeout + TimeSpan.FromSeconds(5)));
        var shutdown = Stopwatch.GetElapsedTime(terminated);
        await Eventually.TrueAsync(async () => await MasterStatusAsync(second) == 1, "the second replica takes over", TimeSpan.FromSeconds(10));
        var takeover = Stopwatch.GetElapsedTime(terminated);

        await PatchSpecAsync("proc-a", "{\"versioning\":true}");
        await WaitForReadyAsync("proc-a", ReadyReasons.Available);
        var stillLeading = PrometheusText.Parse(await second.ScrapeAsync());
        await second.TerminateAsync();
        Assert.Equal(0, await second.WaitForExitAsync(HostBuilderExtensions.ShutdownTimeout + TimeSpan.FromSeconds(5)));

        Assert.True(PrometheusText.Value(stillLeading, "controller_runtime_reconcile_total", ("controller", "objectbucket")) >= 1, "the new leader reconciled the change");
        AssertJsonLogs(first.Output, "proc-a");
        output.WriteLine($"start→ready {readyAfter.TotalMilliseconds:0} ms; apply→Available {toAvailable.TotalMilliseconds:0} ms; idle RSS {idleRss / (1024 * 1024)} MiB (managed heap {idleHeap / (1024 * 1024):0.0} MiB); "
            + $"SIGTERM→exit {shutdown.TotalMilliseconds:0} ms; SIGTERM→new leader {takeover.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task LeaseTakenByAnother_LeaderStopsAndExitsWithOne()
    {
        var leader = await StartProcessAsync(leaderElect: true);
        await WaitUntilReadyAsync(leader);
        await Eventually.TrueAsync(async () => await MasterStatusAsync(leader) == 1, "the replica leads");

        var lease = (await Admin.GetAsync<V1Lease>(OperatorService.LeaseName, Namespace))!;
        lease.Spec!.HolderIdentity = "intruder";
        lease.Spec.RenewTime = DateTime.UtcNow;
        lease.Spec.LeaseDurationSeconds = 3600;
        await Admin.ReplaceAsync(lease);

        Assert.Equal(1, await leader.WaitForExitAsync(TimeSpan.FromSeconds(20)));
        Assert.Contains(leader.Output, line => line.Contains("Exiting: leadership lost", StringComparison.Ordinal));
    }

    /// <summary>One JSON object per line; reconcile lines carry the object's namespace, name and a reconcile ID.</summary>
    private void AssertJsonLogs(IReadOnlyList<string> lines, string bucket)
    {
        Assert.NotEmpty(lines);
        var entries = lines.Select(line =>
        {
            try
            {
                return JsonNode.Parse(line)!.AsObject();
            }
            catch (JsonException e)
            {
                throw new Xunit.Sdk.XunitException($"not a JSON line: {line} ({e.Message})");
            }
        }).ToList();
        Assert.All(entries, e => Assert.True(e["Timestamp"] is not null && e["LogLevel"] is not null && e["Message"] is not null, e.ToJsonString()));
        Assert.True(
            entries.Any(e => e["Scopes"] is JsonArray scopes && scopes.OfType<JsonObject>().Any(s =>
                s["namespace"]?.GetValue<string>() == Namespace && s["name"]?.GetValue<string>() == bucket && s["reconcileID"] is not null)),
            $"no line of the reconcile of {bucket} carries namespace, name and reconcileID:\n{string.Join('\n', lines)}");
    }

    /// <summary>
    /// docs/metrics.txt is the contract of /metrics: every family shown is listed there with its type, and those this
    /// scenario records are all shown (a family with nothing recorded yet is absent, as with any OpenTelemetry exporter).
    /// </summary>
    private static void AssertFamiliesAsCommitted(IReadOnlyDictionary<string, string> families)
    {
        var committed = File.ReadAllLines(YamlManifests.RepositoryPath("docs", "metrics.txt"))
            .Select(line => line.Split(' ')).ToDictionary(parts => parts[0], parts => parts[1]);
        string[] recorded =
        [
            "controller_runtime_reconcile_total", "controller_runtime_reconcile_time_seconds", "controller_runtime_active_workers",
            "controller_runtime_reconcile_errors_total", "controller_runtime_terminal_reconcile_errors_total", "workqueue_retries_total",
            "workqueue_adds_total", "workqueue_depth", "workqueue_queue_duration_seconds", "workqueue_work_duration_seconds",
            "latitude_operator_latitude_requests_total", "latitude_operator_latitude_request_duration_seconds",
            "latitude_operator_informer_relists_total", "latitude_operator_informer_cached_objects", "latitude_operator_objectbuckets",
            "leader_election_master_status", "kubernetes_events_written",
            "process_cpu_seconds_total", "process_resident_memory_bytes", "process_start_time_seconds", "dotnet_gc_heap_size_bytes",
        ];

        var unlisted = families.Where(f => committed.GetValueOrDefault(f.Key) != f.Value).Select(f => $"{f.Key} {f.Value}").ToList();
        var missing = recorded.Except(families.Keys).ToList();

        Assert.True(unlisted.Count == 0, $"shown but not in docs/metrics.txt with that type: {string.Join(", ", unlisted)}");
        Assert.True(missing.Count == 0, $"recorded but not shown: {string.Join(", ", missing)}");
    }
}
