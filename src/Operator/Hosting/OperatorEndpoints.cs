using BucketOperator.Operator.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BucketOperator.Operator.Hosting;

/// <summary><c>/healthz</c> and <c>/readyz</c> on the probe address, <c>/metrics</c> on the metrics address (one port may serve both).</summary>
public static class OperatorEndpoints
{
    public static IEndpointRouteBuilder MapOperatorEndpoints(this IEndpointRouteBuilder endpoints, BindAddress probes, BindAddress metrics)
    {
        var health = endpoints.ServiceProvider.GetRequiredService<OperatorHealth>();
        var probeHost = $"*:{probes.Port}";
        endpoints.MapGet("/healthz", () => Answer(health.Liveness())).RequireHost(probeHost);
        endpoints.MapGet("/readyz", () => Answer(health.Readiness())).RequireHost(probeHost);
        endpoints.MapPrometheusScrapingEndpoint("/metrics").RequireHost($"*:{metrics.Port}");
        return endpoints;
    }

    private static IResult Answer((bool Ok, string Detail) check) =>
        Results.Text(check.Detail + "\n", "text/plain", statusCode: check.Ok ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
}
