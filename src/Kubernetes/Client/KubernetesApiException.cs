using System.Net;
using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Kubernetes.Client;

/// <summary>A failed API call, carrying the server's <see cref="V1Status"/> (code, reason, message, details).</summary>
public sealed class KubernetesApiException : Exception
{
    /// <param name="retryAfter">The response's Retry-After header, if any; <see cref="RetryAfter"/> falls back to the Status details.</param>
    public KubernetesApiException(string operation, V1Status status, TimeSpan? retryAfter = null)
        : base($"{operation}: {status.Code} {status.Reason}: {status.Message}")
    {
        Operation = operation;
        Status = status;
        RetryAfter = retryAfter ?? (status.Details?.RetryAfterSeconds is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : null);
    }

    /// <summary>What was attempted, e.g. "PUT /api/v1/namespaces/a/configmaps/b".</summary>
    public string Operation { get; }

    public V1Status Status { get; }

    public HttpStatusCode StatusCode => (HttpStatusCode)(Status.Code ?? 0);

    /// <summary>How long the server asked us to wait before trying again (429, some 5xx), when it said.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>
    /// The object does not exist: a 404 whose Status names the object (<c>details.name</c> or <c>details.kind</c>).
    /// A 404 for a resource type the server does not serve is <see cref="IsResourceNotServed"/> instead.
    /// </summary>
    public bool IsNotFound => Status.Code == 404 && (!string.IsNullOrEmpty(Status.Details?.Name) || !string.IsNullOrEmpty(Status.Details?.Kind));

    /// <summary>
    /// The server does not serve the resource type at all (a CRD that is not installed, a group or version it
    /// lacks): a 404 whose Status names no object, or that is not a Status at all ("404 page not found").
    /// </summary>
    public bool IsResourceNotServed => Status.Code == 404 && !IsNotFound;

    /// <summary>Optimistic-concurrency failure (stale resourceVersion) or an object that already exists.</summary>
    public bool IsConflict => Status.Code == 409;

    public bool IsAlreadyExists => IsConflict && Status.Reason == "AlreadyExists";

    /// <summary>The resourceVersion is too old (compacted); a watcher must relist.</summary>
    public bool IsGone => Status.Code == 410 || Status.Reason is "Expired" or "Gone";

    public bool IsInvalid => Status.Code == 422;

    /// <summary>Authenticated, but RBAC does not allow the call.</summary>
    public bool IsForbidden => Status.Code == 403;

    /// <summary>No valid credentials: a wrong, expired or missing token or certificate.</summary>
    public bool IsUnauthorized => Status.Code == 401;

    /// <summary>Throttled (API priority and fairness, or a proxy); see <see cref="RetryAfter"/>.</summary>
    public bool IsTooManyRequests => Status.Code == 429 || Status.Reason == "TooManyRequests";

    /// <summary>The server gave up waiting (504, or reason Timeout / ServerTimeout); the call may be retried.</summary>
    public bool IsServerTimeout => Status.Code == 504 || Status.Reason is "Timeout" or "ServerTimeout";
}
