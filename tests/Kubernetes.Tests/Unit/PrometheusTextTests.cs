using BucketOperator.TestSupport;

namespace BucketOperator.Kubernetes.Tests.Unit;

/// <summary>The test helper that reads scrapes: tests built on it can fail only if it tells absent from zero.</summary>
public sealed class PrometheusTextTests
{
    private static readonly IReadOnlyList<PrometheusText.Sample> Samples = PrometheusText.Parse(
        "# TYPE reconciles_total counter\n" +
        "reconciles_total{controller=\"a\",result=\"success\"} 3\n" +
        "reconciles_total{controller=\"a\",result=\"error\"} 2\n" +
        "reconciles_total{controller=\"b\",result=\"success\"} 0\n" +
        "# TYPE depth gauge\n" +
        "depth{name=\"a\"} 0\n");

    [Fact]
    public void Value_NoSampleOfThatName_IsNull() =>
        Assert.Null(PrometheusText.Value(Samples, "workqueue_depth"));

    [Fact]
    public void Value_NoSampleWithThoseLabels_IsNull()
    {
        Assert.Null(PrometheusText.Value(Samples, "depth", ("name", "b")));
        Assert.Null(PrometheusText.Value(Samples, "reconciles_total", ("controller", "c")));
        Assert.Null(PrometheusText.Value(Samples, "reconciles_total", ("controller", "a"), ("result", "requeue")));
    }

    [Fact]
    public void Value_SeriesAtZero_IsZeroNotNull()
    {
        Assert.Equal(0, PrometheusText.Value(Samples, "depth", ("name", "a")));
        Assert.Equal(0, PrometheusText.Value(Samples, "reconciles_total", ("controller", "b")));
    }

    [Fact]
    public void Value_SeveralSeriesMatch_IsTheirSum()
    {
        Assert.Equal(5, PrometheusText.Value(Samples, "reconciles_total", ("controller", "a")));
        Assert.Equal(2, PrometheusText.Value(Samples, "reconciles_total", ("controller", "a"), ("result", "error")));
    }

    [Fact]
    public void Value_EmptyScrape_IsNull() =>
        Assert.Null(PrometheusText.Value(PrometheusText.Parse(""), "depth"));
}
