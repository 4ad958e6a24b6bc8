namespace BucketOperator.Latitude.RateLimiting;

/// <summary>The two budgets Latitude gives one API token: GETs and writes (POST/PUT/PATCH/DELETE) per minute.</summary>
public sealed class TokenRateLimiter(int readsPerMinute, int writesPerMinute, TimeProvider time)
{
    public SlidingWindowLimiter Reads { get; } = new(readsPerMinute, TimeSpan.FromMinutes(1), time);

    public SlidingWindowLimiter Writes { get; } = new(writesPerMinute, TimeSpan.FromMinutes(1), time);

    public SlidingWindowLimiter For(HttpMethod method) => method == HttpMethod.Get ? Reads : Writes;
}
