using BucketOperator.Kubernetes.Models;
using Microsoft.Extensions.Logging;

namespace BucketOperator.Kubernetes.Controller;

/// <summary>Controller logs, EventIds 1000–1099.</summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Information, "Starting controller {Controller} with {Workers} worker(s)")]
    public static partial void Starting(ILogger logger, string controller, int workers);

    [LoggerMessage(1001, LogLevel.Information, "Caches of controller {Controller} synced; workers started")]
    public static partial void Started(ILogger logger, string controller);

    [LoggerMessage(1002, LogLevel.Information, "Stopping controller {Controller}: waiting for in-flight reconciles")]
    public static partial void Stopping(ILogger logger, string controller);

    [LoggerMessage(1003, LogLevel.Error, "Reconcile of {Key} failed; retrying with backoff")]
    public static partial void ReconcileFailed(ILogger logger, Exception exception, ObjectKey key);

    [LoggerMessage(1004, LogLevel.Error, "Reconcile of {Key} failed terminally; not retried until the object changes")]
    public static partial void ReconcileTerminal(ILogger logger, Exception exception, ObjectKey key);

    [LoggerMessage(1005, LogLevel.Debug, "Reconciled {Key}: {Outcome} in {Elapsed}")]
    public static partial void Reconciled(ILogger logger, ObjectKey key, string outcome, TimeSpan elapsed);

    [LoggerMessage(1007, LogLevel.Debug, "Reconcile of {Key} met a newer version on the server ({Message}); retrying")]
    public static partial void ReconcileConflict(ILogger logger, ObjectKey key, string message);

    [LoggerMessage(1006, LogLevel.Warning, "Controller {Controller} stopped with reconciles still running after {Timeout}; abandoning them")]
    public static partial void Abandoned(ILogger logger, string controller, TimeSpan timeout);
}
