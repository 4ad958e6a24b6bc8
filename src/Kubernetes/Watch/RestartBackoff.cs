namespace BucketOperator.Kubernetes.Watch;

/// <summary>
/// How long a <see cref="ResumingWatch{T}"/> waits before its next connection: client-go's reflector policy.
/// Failures back off exponentially with jitter, and only a period without failures resets the backoff (one
/// event between two failures does not); any restart waits out the minimum interval between starts.
/// </summary>
internal sealed class RestartBackoff(ResumingWatchOptions options, TimeProvider time, Func<double> random)
{
    private int _failures;
    private DateTimeOffset? _lastFailure;

    /// <param name="startedAt">When the connection that just ended started.</param>
    /// <param name="failed">It ended with an error, or was shorter than the minimum interval without delivering anything.</param>
    public TimeSpan Next(DateTimeOffset startedAt, bool failed)
    {
        var now = time.GetUtcNow();
        var untilMinimum = options.MinimumRestartInterval - (now - startedAt);
        if (!failed)
        {
            return untilMinimum > TimeSpan.Zero ? untilMinimum : TimeSpan.Zero;
        }

        if (now - _lastFailure >= options.BackoffResetAfter)
        {
            _failures = 0;
        }

        _lastFailure = now;
        var exponential = options.InitialBackoff * Math.Pow(2, Math.Min(_failures++, 30));
        var capped = exponential > options.MaximumBackoff ? options.MaximumBackoff : exponential;
        var jittered = capped * (1 + (options.JitterFactor * random()));
        return jittered > untilMinimum ? jittered : untilMinimum;
    }

    /// <summary>True when a connection that delivered <paramref name="received"/> events and ran since <paramref name="startedAt"/> was too short to be healthy.</summary>
    public bool WasTooShort(DateTimeOffset startedAt, int received) =>
        received == 0 && time.GetUtcNow() - startedAt < options.MinimumRestartInterval;
}
