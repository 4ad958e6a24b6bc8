using Microsoft.Extensions.Logging;

namespace BucketOperator.Latitude;

/// <summary>Client log messages (event IDs 2000–2099). Paths and codes only: never tokens or bodies.</summary>
internal static partial class Log
{
    [LoggerMessage(2000, LogLevel.Debug, "Latitude {Method} {Path} answered {Status} in {ElapsedMs} ms (attempt {Attempt})")]
    public static partial void Answered(ILogger logger, string method, string path, int status, long elapsedMs, int attempt);

    [LoggerMessage(2001, LogLevel.Warning, "Latitude {Method} {Path} failed (attempt {Attempt} of {MaxAttempts}), retrying in {DelayMs} ms: {Reason}")]
    public static partial void Retrying(ILogger logger, string method, string path, int attempt, int maxAttempts, long delayMs, string reason);

    [LoggerMessage(2002, LogLevel.Warning, "Latitude rate limit hit on {Method} {Path}; pausing {Class} requests for {RetryAfterSeconds} s")]
    public static partial void RateLimited(ILogger logger, string method, string path, string @class, double retryAfterSeconds);

    [LoggerMessage(2003, LogLevel.Debug, "Latitude {Method} {Path} waited {WaitedMs} ms for the token's rate-limit budget")]
    public static partial void WaitedForBudget(ILogger logger, string method, string path, long waitedMs);

    [LoggerMessage(2004, LogLevel.Warning, "Latitude {Method} {Path} asked to wait {RetryAfterSeconds} s; capped at {MaxRetryAfterSeconds} s")]
    public static partial void RetryAfterCapped(ILogger logger, string method, string path, double retryAfterSeconds, double maxRetryAfterSeconds);

    [LoggerMessage(2005, LogLevel.Information, "Latitude {Path} answered {Status} to {Tried}: lifecycle-rule updates use {Method} from now on")]
    public static partial void LifecycleRuleUpdateMethodSwitched(ILogger logger, string path, int status, string tried, string method);
}
