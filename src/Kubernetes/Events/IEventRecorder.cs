using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Kubernetes.Events;

/// <summary>Records core/v1 Events about objects, as shown by <c>kubectl describe</c>.</summary>
public interface IEventRecorder
{
    /// <summary>
    /// Records that <paramref name="reason"/> happened to <paramref name="involved"/>. Never fails the caller: API
    /// errors and timeouts are logged and counted, and only cancellation of <paramref name="cancellationToken"/>
    /// is thrown. Events are best effort, never a substitute for status.
    /// </summary>
    /// <param name="involved">The object as read from the server (its UID and namespace are used).</param>
    /// <param name="reason">A short CamelCase reason, e.g. "Created".</param>
    /// <param name="message">Detail for humans; cut to 1 KiB of UTF-8.</param>
    Task RecordAsync<T>(T involved, EventType type, string reason, string message, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject;
}
