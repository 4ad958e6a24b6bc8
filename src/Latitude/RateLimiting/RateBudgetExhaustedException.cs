namespace BucketOperator.Latitude.RateLimiting;

/// <summary>
/// A request was not sent because the token's budget (or a 429's pause) frees up only after <see cref="RetryAfter"/>:
/// nothing reached the API, so the caller may come back later without any doubt about what happened.
/// </summary>
public sealed class RateBudgetExhaustedException(TimeSpan retryAfter)
    : Exception($"the Latitude API token's request budget is used up for the next {retryAfter.TotalSeconds:0.#} s")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
