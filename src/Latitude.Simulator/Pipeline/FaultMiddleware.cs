using BucketOperator.Latitude.Simulator.Api;
using Microsoft.AspNetCore.Http;

namespace BucketOperator.Latitude.Simulator.Pipeline;

internal sealed class FaultMiddleware(RequestDelegate next, FaultInjector faults, SimulatorOptions options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        var path = context.Request.Path.Value ?? "";
        if (faults.Latency > TimeSpan.Zero)
        {
            await Task.Delay(faults.Latency, options.Time, context.RequestAborted);
        }

        var fault = faults.Take(method, path);
        if (fault is { DropsResponse: false })
        {
            context.Response.StatusCode = fault.Status!.Value;
            context.Response.ContentType = JsonApi.ContentType;
            await context.Response.WriteAsync(fault.Body ?? "", context.RequestAborted);
            return;
        }

        if (faults.RollServerError())
        {
            await DocumentedServerError(method, path).ExecuteAsync(context);
            return;
        }

        if (fault is { DropsResponse: true })
        {
            // Let the handler commit, keep its answer from the wire, then cut the connection.
            var original = context.Response.Body;
            context.Response.Body = Stream.Null;
            await next(context);
            context.Response.Body = original;
            context.Abort();
            return;
        }

        await next(context);
    }

    private static IResult DocumentedServerError(string method, string path) => (method, path) switch
    {
        ("POST", "/storage/buckets") => ApiErrors.SetupError,
        ("DELETE", _) when path.StartsWith("/storage/buckets/", StringComparison.Ordinal) => ApiErrors.BucketDeletionError,
        _ => ApiErrors.InternalError,
    };
}
