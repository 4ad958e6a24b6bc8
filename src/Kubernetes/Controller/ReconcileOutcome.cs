namespace BucketOperator.Kubernetes.Controller;

public enum ReconcileOutcome
{
    Done,
    RequeueAfter,
    Retry,
}
