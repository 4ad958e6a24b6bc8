namespace BucketOperator.Latitude.RateLimiting;

/// <summary>The two budgets Latitude gives one API token: GETs and writes (POST/PUT/PATCH/DELETE) per minute.</summary>
/// <param name="window">Length of the sliding window; null means one minute, the API's own.</param>
public sealed class TokenRateLimiter(int readsPerMinute, int writesPerMinute, TimeProvider time, TimeSpan? window = null)
{
    public SlidingWindowLimiter Reads { get; } = new(readsPerMinute, window ?? TimeSpan.FromMinutes(1), time);

    public SlidingWindowLimiter Writes { get; } = new(writesPerMinute, window ?? TimeSpan.FromMinutes(1), time);

    public SlidingWindowLimiter For(HttpMethod method) => method == HttpMethod.Get ? Reads : Writes;
}
