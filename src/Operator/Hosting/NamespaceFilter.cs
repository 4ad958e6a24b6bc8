using BucketOperator.Entities;
using BucketOperator.Kubernetes.Controller;
using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Operator.Hosting;

/// <summary>
/// With several WATCH_NAMESPACES the caches watch every namespace (one list+watch each) and objects outside the
/// list are ignored here, before any work; with one namespace the caches watch only it.
/// </summary>
internal sealed class NamespaceFilter(IReconciler<ObjectBucket> inner, IReadOnlySet<string> namespaces) : IReconciler<ObjectBucket>
{
    public Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken) =>
        namespaces.Count == 0 || namespaces.Contains(key.Namespace ?? "")
            ? inner.ReconcileAsync(key, cancellationToken)
            : Task.FromResult(ReconcileResult.Done);
}
