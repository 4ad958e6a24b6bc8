using System.Collections.Concurrent;
using BucketOperator.Entities;
using BucketOperator.Operator.Status;

namespace BucketOperator.Operator.Reconciliation;

/// <summary>
/// How soon an object that failed may try again (SPEC "Quota is shared fairly"). A transient Latitude failure waits
/// <see cref="ReconcilerOptions.ProviderRetry"/> (5 s), doubling with jitter up to 5 min and never less than the API's
/// retry-after; a terminal one waits <see cref="ReconcilerOptions.TerminalRetry"/> (5 min), doubling up to twelve
/// times that. Resyncs and unrelated events do not shorten the wait: only a new generation, a new adopt annotation, a
/// new token, or progress recorded in status does. Kept in memory: a restarted operator tries each failed object once at start.
/// </summary>
internal sealed class RetryPacer(ReconcilerOptions options, TimeProvider time)
{
    private const int MaxTerminalFactor = 12;

    private readonly ConcurrentDictionary<string, Attempt> _attempts = new();

    /// <summary>How long this object must still wait before it may act, or null when it may act now.</summary>
    public TimeSpan? Wait(ObjectBucket bucket, string tokenFingerprint)
    {
        if (!_attempts.TryGetValue(bucket.Metadata.Uid ?? "", out var attempt) || attempt.Inputs != Inputs(bucket, tokenFingerprint))
        {
            return null;
        }

        var left = attempt.NotBefore - time.GetUtcNow();
        return left > TimeSpan.Zero ? left : null;
    }

    /// <summary>Counts a failure into <paramref name="state"/>; returns how long the object waits before its next try.</summary>
    public TimeSpan Failed(ObjectBucket bucket, string tokenFingerprint, ReadyState state, TimeSpan? retryAfter)
    {
        // One worker at a time per object (the queue's promise), so read-then-write needs no lock.
        var uid = bucket.Metadata.Uid ?? "";
        var inputs = Inputs(bucket, tokenFingerprint);
        var failures = (_attempts.TryGetValue(uid, out var previous) && previous.Inputs == inputs ? previous.Failures : 0) + 1;
        var delay = Delay(state.IsTerminal, failures);
        if (retryAfter > delay)
        {
            delay = retryAfter.Value;
        }

        _attempts[uid] = new Attempt(inputs, failures, time.GetUtcNow() + delay);
        return delay;
    }

    /// <summary>Whether this try repeats one that failed (same inputs): what the first try announced need not be said again.</summary>
    public bool IsRetry(ObjectBucket bucket, string tokenFingerprint) =>
        _attempts.TryGetValue(bucket.Metadata.Uid ?? "", out var attempt) && attempt.Inputs == Inputs(bucket, tokenFingerprint);

    /// <summary>The object reached a good state, or is gone: its next failure starts from the first wait again.</summary>
    public void Reset(string? uid) => _attempts.TryRemove(uid ?? "", out _);

    private TimeSpan Delay(bool terminal, int failures)
    {
        var (first, max) = terminal ? (options.TerminalRetry, options.TerminalRetry * MaxTerminalFactor) : (options.ProviderRetry, options.MaxProviderRetry);
        var doubled = first * Math.Pow(2, Math.Min(failures - 1, 20));
        var capped = doubled < max ? doubled : max;
        // Up to a quarter longer, so objects that failed together do not come back together.
        return capped * (1 + (Random.Shared.NextDouble() / 4));
    }

    /// <summary>
    /// What a user changes to ask for a new try at once (the spec, the adopt annotation, the token, deleting the object),
    /// and the milestones recorded in status (bucket, key): a failure after progress starts from the first wait again,
    /// so a create that meets a failure at each of its steps is not paced as if it had never moved.
    /// </summary>
    private static string Inputs(ObjectBucket bucket, string tokenFingerprint) =>
        $"{bucket.Metadata.Generation}/{bucket.Metadata.Annotations?.ValueOrDefault(ObjectBucketNames.AdoptAnnotation)}/{tokenFingerprint}/{bucket.Status?.BucketId}/{bucket.Status?.AccessKeyId}/{bucket.Metadata.DeletionTimestamp is not null}";

    private sealed record Attempt(string Inputs, int Failures, DateTimeOffset NotBefore);
}
