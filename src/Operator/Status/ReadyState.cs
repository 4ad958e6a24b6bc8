using BucketOperator.Entities;

namespace BucketOperator.Operator.Status;

/// <summary>The Ready condition a reconcile arrived at: status, SPEC's reason, and a message (never empty).</summary>
internal sealed record ReadyState(string Status, string Reason, string Message)
{
    public static ReadyState Available(string message) => new("True", ReadyReasons.Available, message);

    /// <summary>The state of a bucket whose Secret works: what every reconcile of a healthy object arrives at.</summary>
    public static ReadyState BucketReady(string bucketName, string secretName) =>
        Available($"bucket {bucketName} is ready; connection details are in Secret {secretName}");

    public static ReadyState Progressing(string reason, string message) => new("Unknown", reason, message);

    public static ReadyState Failed(string reason, string message) => new("False", reason, message);

    /// <summary>
    /// The Ready state the object already shows for its current generation, else <paramref name="fallback"/>: steps
    /// that only record progress (an intent, a new key) must not hide a failure that is still being retried.
    /// </summary>
    public static ReadyState CurrentOr(ObjectBucket bucket, ReadyState fallback) =>
        bucket.Status?.Conditions?.FirstOrDefault(c => c.Type == ObjectBucketNames.ReadyCondition) is { } ready && ready.ObservedGeneration == bucket.Metadata.Generation
            ? new ReadyState(ready.Status, ready.Reason, ready.Message)
            : fallback;

    /// <summary>False conditions need a person or an outside change; they are retried slowly, not in a loop.</summary>
    public bool IsTerminal => Status == "False";

    /// <summary>Normal for progress and success, Warning for failures and transient trouble.</summary>
    public bool IsWarning => Status == "False" || Reason is ReadyReasons.RateLimited or ReadyReasons.ProviderError;
}
