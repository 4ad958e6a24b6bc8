namespace BucketOperator.Kubernetes.Controller;

/// <summary>
/// A failure that retrying cannot fix (an invalid spec, a rejected request): the controller logs and counts it
/// and does not requeue the key; the next change to the object (or a resync) brings it back.
/// </summary>
public sealed class TerminalReconcileException : Exception
{
    public TerminalReconcileException()
    {
    }

    public TerminalReconcileException(string message)
        : base(message)
    {
    }

    public TerminalReconcileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
