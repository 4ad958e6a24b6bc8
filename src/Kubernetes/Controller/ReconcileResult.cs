namespace BucketOperator.Kubernetes.Controller;

/// <summary>What a reconcile asks the controller to do next with its key.</summary>
public readonly record struct ReconcileResult
{
    private ReconcileResult(ReconcileOutcome outcome, TimeSpan? after)
    {
        Outcome = outcome;
        After = after;
    }

    /// <summary>Nothing more to do until the object (or something it watches) changes; the key's backoff resets.</summary>
    public static ReconcileResult Done { get; } = new(ReconcileOutcome.Done, null);

    public ReconcileOutcome Outcome { get; }

    /// <summary>For <see cref="ReconcileOutcome.RequeueAfter"/>: the delay; for <see cref="ReconcileOutcome.Retry"/>: the least delay.</summary>
    public TimeSpan? After { get; }

    /// <summary>Success; look again after <paramref name="delay"/> (polling an external system). The key's backoff resets.</summary>
    public static ReconcileResult RequeueAfter(TimeSpan delay) => new(ReconcileOutcome.RequeueAfter, delay);

    /// <summary>
    /// A transient failure the reconciler has already handled (logged, recorded in status): retried with the key's
    /// exponential backoff, but not before <paramref name="notBefore"/> (e.g. a provider's retry-after).
    /// </summary>
    public static ReconcileResult Retry(TimeSpan? notBefore = null) => new(ReconcileOutcome.Retry, notBefore);
}
