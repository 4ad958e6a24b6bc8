using BucketOperator.Latitude.Simulator.Api;
using Microsoft.AspNetCore.Http;

namespace BucketOperator.Latitude.Simulator.Pipeline;

/// <summary>
/// Latitude's documented limits per token: a fixed one-minute window for GETs and one for writes (shorter when
/// <see cref="SimulatorOptions.RateLimitWindow"/> says so). Over the limit: 429 with <c>meta.retry_after</c>
/// (seconds to the end of the window) and no header.
/// </summary>
internal sealed class RateLimitMiddleware(RequestDelegate next, SimulatorOptions options)
{
    private readonly Dictionary<(string Token, bool Read), (DateTimeOffset Start, int Count)> _windows = [];
    private readonly Lock _gate = new();

    public Task InvokeAsync(HttpContext context)
    {
        var read = HttpMethods.IsGet(context.Request.Method);
        var key = (Caller.Of(context).Token.Value, read);
        var limit = read ? options.ReadsPerMinute : options.WritesPerMinute;
        var now = options.Time.GetUtcNow();
        TimeSpan? wait = null;
        lock (_gate)
        {
            var window = _windows.GetValueOrDefault(key);
            if (now - window.Start >= options.RateLimitWindow)
            {
                window = (now, 0);
            }

            if (window.Count >= limit)
            {
                wait = window.Start + options.RateLimitWindow - now;
            }
            else
            {
                _windows[key] = (window.Start, window.Count + 1);
            }
        }

        return wait is { } retryAfter
            ? ApiErrors.RateLimited((int)Math.Ceiling(retryAfter.TotalSeconds)).ExecuteAsync(context)
            : next(context);
    }
}
