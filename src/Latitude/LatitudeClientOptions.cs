using System.ComponentModel.DataAnnotations;

namespace BucketOperator.Latitude;

/// <summary>Settings of the Latitude API client.</summary>
public sealed record LatitudeClientOptions
{
    /// <summary>Default https://api.latitude.sh.</summary>
    public Uri BaseAddress { get; init; } = new("https://api.latitude.sh");

    /// <summary>GET requests per token in any <see cref="RateLimitWindow"/> (default 60, Latitude's documented per-minute limit).</summary>
    [Range(1, 100_000)]
    public int ReadsPerMinute { get; init; } = 60;

    /// <summary>POST/PUT/PATCH/DELETE requests per token in any <see cref="RateLimitWindow"/> (default 20, Latitude's documented per-minute limit).</summary>
    [Range(1, 100_000)]
    public int WritesPerMinute { get; init; } = 20;

    /// <summary>
    /// The sliding window the limits are counted over (default 61 s): the API's minute plus a one-second margin.
    /// The API counts a request when it arrives, we when we send it; with a window of exactly one minute, a
    /// request of the previous burst that arrived late and one of the next that arrived early could fall into
    /// one server minute and make it 21. The margin absorbs up to one second of such latency jitter, at a cost
    /// of under 2 % of the budget.
    /// </summary>
    public TimeSpan RateLimitWindow { get; init; } = TimeSpan.FromSeconds(61);

    /// <summary>Tries of an idempotent request (GET, DELETE) before a transient failure is returned (default 3). POSTs get one.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Delay before the second try (default 1 s); doubles per try, with jitter, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Default 30 s.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Longest wait honoured from a 429's <c>meta.retry_after</c> (default 5 min, five of the API's one-minute
    /// windows). A longer (hostile or malformed) value is cut to this, with a warning, both for the token's
    /// paused budget and for <see cref="Errors.LatitudeApiException.RetryAfter"/>.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Longest wait for the token's budget inside one call (default 1 s). A longer wait is not waited out: the call
    /// throws <see cref="RateLimiting.RateBudgetExhaustedException"/> so the caller's worker can serve others and
    /// come back when the budget allows.
    /// </summary>
    public TimeSpan MaxBudgetWait { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Deadline of one HTTP exchange (default 30 s).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
