using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Kubernetes.Controller;

/// <summary>
/// Brings one object's world in line with its spec. Level-based: it is given only the key, reads the current
/// state (cache and external systems), and must be idempotent, because it runs again after every change,
/// every resync, every restart and every failure. The controller never runs it twice at once for one key.
/// </summary>
/// <typeparam name="T">The kind the controller is <c>For</c>; keys name objects of this kind.</typeparam>
public interface IReconciler<T>
    where T : class, IKubernetesObject
{
    /// <summary>
    /// Returns what should happen next (<see cref="ReconcileResult"/>). An exception means a transient failure
    /// (retried with per-key exponential backoff); <see cref="TerminalReconcileException"/> means retrying cannot
    /// help until the object changes.
    /// </summary>
    Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken);
}
