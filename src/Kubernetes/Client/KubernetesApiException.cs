using System.Net;
using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Kubernetes.Client;

/// <summary>A failed API call, carrying the server's <see cref="Models.Status"/> (code, reason, message, details).</summary>
public sealed class KubernetesApiException : Exception
{
    public KubernetesApiException(string operation, Status status)
        : base($"{operation}: {status.Code} {status.Reason}: {status.Message}")
    {
        Operation = operation;
        Status = status;
    }

    /// <summary>What was attempted, e.g. "PUT /api/v1/namespaces/a/configmaps/b".</summary>
    public string Operation { get; }

    public Status Status { get; }

    public HttpStatusCode StatusCode => (HttpStatusCode)Status.Code;

    public bool IsNotFound => Status.Code == 404;

    /// <summary>Optimistic-concurrency failure (stale resourceVersion) or an object that already exists.</summary>
    public bool IsConflict => Status.Code == 409;

    public bool IsAlreadyExists => IsConflict && Status.Reason == "AlreadyExists";

    /// <summary>The resourceVersion is too old (compacted); a watcher must relist.</summary>
    public bool IsGone => Status.Code == 410 || Status.Reason is "Expired" or "Gone";

    public bool IsInvalid => Status.Code == 422;
}
