using System.Diagnostics.Metrics;
using BucketOperator.Kubernetes.Diagnostics;
using BucketOperator.TestSupport;

namespace BucketOperator.Kubernetes.Tests.Unit;

public sealed class PrometheusExporterTests : IDisposable
{
    // A meter of its own per test, so parallel tests and the runtime's static instruments do not mix in.
    private readonly Meter _meter = new($"test.{Guid.NewGuid():N}");
    private readonly PrometheusExporter _exporter;

    public PrometheusExporterTests() => _exporter = new PrometheusExporter(_meter.Name);

    public void Dispose()
    {
        _exporter.Dispose();
        _meter.Dispose();
    }

    [Fact]
    public void Scrape_EveryInstrumentKind_ParsesByTheExpositionRules()
    {
        var counter = _meter.CreateCounter<long>("things_total", description: "Things.\nSecond line with a \\ backslash.");
        counter.Add(2, new KeyValuePair<string, object?>("kind", "a"));
        counter.Add(3, new KeyValuePair<string, object?>("kind", "a"));
        counter.Add(1, new KeyValuePair<string, object?>("kind", "quote \" backslash \\ newline \n end"));
        var upDown = _meter.CreateUpDownCounter<int>("in_flight");
        upDown.Add(5);
        upDown.Add(-2);
        var gauge = _meter.CreateGauge<int>("master_status");
        gauge.Record(1, new KeyValuePair<string, object?>("name", "lease"));
        gauge.Record(0, new KeyValuePair<string, object?>("name", "lease"));
        _meter.CreateObservableGauge("depth", () => new Measurement<long>(7, new KeyValuePair<string, object?>("name", "q")));
        _meter.CreateObservableCounter("cpu_seconds_total", () => 1.5);
        var histogram = _meter.CreateHistogram<double>("duration_seconds", "s", "Durations.");
        foreach (var value in new[] { 0.001, 0.2, 0.2, 3, 100 })
        {
            histogram.Record(value, new KeyValuePair<string, object?>("controller", "c"));
        }

        var samples = PrometheusText.Parse(_exporter.Scrape());

        Assert.Equal(5, PrometheusText.Value(samples, "things_total", ("kind", "a")));
        Assert.Equal(1, PrometheusText.Value(samples, "things_total", ("kind", "quote \" backslash \\ newline \n end")));
        Assert.Equal(3, PrometheusText.Value(samples, "in_flight"));
        Assert.Equal(0, PrometheusText.Value(samples, "master_status", ("name", "lease")));
        Assert.Equal(7, PrometheusText.Value(samples, "depth", ("name", "q")));
        Assert.Equal(1.5, PrometheusText.Value(samples, "cpu_seconds_total"));
        Assert.Equal(5, PrometheusText.Value(samples, "duration_seconds_count", ("controller", "c")));
        Assert.Equal(103.401, PrometheusText.Value(samples, "duration_seconds_sum", ("controller", "c"))!.Value, 6);
        Assert.Equal(1, PrometheusText.Value(samples, "duration_seconds_bucket", ("controller", "c"), ("le", "0.005")));
        Assert.Equal(3, PrometheusText.Value(samples, "duration_seconds_bucket", ("controller", "c"), ("le", "0.25")));
        Assert.Equal(4, PrometheusText.Value(samples, "duration_seconds_bucket", ("controller", "c"), ("le", "10")));
        Assert.Equal(5, PrometheusText.Value(samples, "duration_seconds_bucket", ("controller", "c"), ("le", "+Inf")));
    }

    [Fact]
    public void Scrape_TypesAndHelp_ComeOncePerMetricBeforeItsSamples()
    {
        _meter.CreateCounter<long>("a_total", description: "A.").Add(1);
        _meter.CreateHistogram<double>("b_seconds").Record(1);
        _meter.CreateObservableGauge("c", () => 1);

        var lines = _exporter.Scrape().Split('\n');

        Assert.Equal(["# HELP a_total A.", "# TYPE a_total counter", "a_total 1"], lines.Take(3));
        Assert.Contains("# TYPE b_seconds histogram", lines);
        Assert.Contains("# TYPE c gauge", lines);
        Assert.Single(lines, l => l.StartsWith("# TYPE b_seconds", StringComparison.Ordinal));
    }

    [Fact]
    public void Scrape_ObservableSeriesNoLongerReported_Disappear()
    {
        var queues = new List<string> { "one", "two" };
        _meter.CreateObservableGauge("queue_depth", () => queues.Select(q => new Measurement<int>(1, new KeyValuePair<string, object?>("name", q))));
        Assert.Equal(2, PrometheusText.Parse(_exporter.Scrape()).Count(s => s.Name == "queue_depth"));

        queues.Remove("two");

        var remaining = PrometheusText.Parse(_exporter.Scrape()).Where(s => s.Name == "queue_depth").ToList();
        Assert.Equal("one", Assert.Single(remaining).Labels["name"]);
    }

    [Fact]
    public void Scrape_NamesPrometheusDoesNotAllow_AreSanitized()
    {
        _meter.CreateCounter<long>("dotted.name-with.dash").Add(1, new KeyValuePair<string, object?>("bad.label", "v"));

        var sample = Assert.Single(PrometheusText.Parse(_exporter.Scrape()));

        Assert.Equal("dotted_name_with_dash", sample.Name);
        Assert.Equal("v", sample.Labels["bad_label"]);
    }

    [Fact]
    public void Parse_RejectsWhatPrometheusWould()
    {
        Assert.Throws<FormatException>(() => PrometheusText.Parse("x 1\n"));
        Assert.Throws<FormatException>(() => PrometheusText.Parse("# TYPE x counter\nx{a=\"b} 1\n"));
        Assert.Throws<FormatException>(() => PrometheusText.Parse("# TYPE x counter\nx 1\nx 2\n"));
        Assert.Throws<FormatException>(() => PrometheusText.Parse("# TYPE x counter\n# TYPE y gauge\ny 1\nx 1\n"));
        Assert.Throws<FormatException>(() => PrometheusText.Parse("# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n"));
    }
}
