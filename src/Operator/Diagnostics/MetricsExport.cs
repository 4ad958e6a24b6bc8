using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;

namespace BucketOperator.Operator.Diagnostics;

/// <summary>
/// <c>/metrics</c> through OpenTelemetry's Prometheus exporter, set up so that every family keeps the name and type
/// dashboards know from controller-runtime (docs/metrics.txt lists them; <c>OperatorProcessTests</c> compares): the
/// instrument names are already Prometheus names, so no unit or <c>_total</c> suffix is added, no scope labels or
/// <c>target_info</c>, and histograms keep Prometheus' default buckets (seconds).
/// </summary>
public static class MetricsExport
{
    /// <summary>
    /// Series one family may hold. The SDK allocates room for them up front, per family: its default (2,000) cost 5 MiB of
    /// heap at idle (measured); our widest family (Latitude requests by method, route and code) has well under 500.
    /// </summary>
    private const int SeriesPerFamily = 500;

    private static readonly double[] PrometheusDefaultBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    public static IServiceCollection AddOperatorMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter([.. OperatorMeter.Exported])
            .AddView(instrument => instrument is Histogram<double>
                ? new ExplicitBucketHistogramConfiguration { Boundaries = PrometheusDefaultBuckets, CardinalityLimit = SeriesPerFamily }
                : new MetricStreamConfiguration { CardinalityLimit = SeriesPerFamily })
            .AddPrometheusExporter(prometheus =>
            {
                prometheus.TranslationStrategy = PrometheusAspNetCoreTranslationStrategy.UnderscoreEscapingWithoutSuffixes;
                prometheus.ScopeInfoEnabled = false;
                prometheus.TargetInfoEnabled = false;
                // Every scrape reads the observable gauges afresh (the default caches an answer for 300 ms).
                prometheus.ScrapeResponseCacheDurationMilliseconds = 0;
            }));
        return services;
    }
}
