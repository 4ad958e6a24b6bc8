using BucketOperator.Operator.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace BucketOperator.Operator.Hosting;

/// <summary><c>/healthz</c> and <c>/readyz</c> on the probe address, <c>/metrics</c> on the metrics address (one port may serve both).</summary>
public static class OperatorEndpoints
{
    public static IEndpointRouteBuilder MapOperatorEndpoints(this IEndpointRouteBuilder endpoints, BindAddress probes, BindAddress metrics)
    {
        // The meter provider listens first: building the runtime (below) records the error counters' first zeros.
        endpoints.ServiceProvider.GetRequiredService<MeterProvider>();
        var health = endpoints.ServiceProvider.GetRequiredService<OperatorHealth>();
        var probeHost = $"*:{probes.Port}";
        endpoints.MapGet("/healthz", () => Answer(health.Liveness())).RequireHost(probeHost);
        endpoints.MapGet("/readyz", () => Answer(health.Readiness())).RequireHost(probeHost);
        endpoints.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null, configureBranchedPipeline: TextFormatOnly, optionsName: null)
            .RequireHost($"*:{metrics.Port}");
        return endpoints;
    }

    /// <summary>
    /// The Prometheus text format 0.0.4 whatever the scraper prefers: with our names kept as they are (counters already
    /// end in <c>_total</c>, a few predate that), the exporter's OpenMetrics answer would not be valid OpenMetrics.
    /// </summary>
    private static void TextFormatOnly(IApplicationBuilder branch) => branch.Use((context, next) =>
    {
        context.Request.Headers.Accept = "text/plain; version=0.0.4";
        return next(context);
    });

    private static IResult Answer((bool Ok, string Detail) check) =>
        Results.Text(check.Detail + "\n", "text/plain", statusCode: check.Ok ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
}
