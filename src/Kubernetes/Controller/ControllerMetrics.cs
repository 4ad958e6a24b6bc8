using System.Diagnostics.Metrics;
using BucketOperator.Kubernetes.Diagnostics;

namespace BucketOperator.Kubernetes.Controller;

/// <summary>controller-runtime's reconcile instruments, tagged <c>controller</c> (and <c>result</c>).</summary>
internal static class ControllerMetrics
{
    /// <summary>Results: success, requeue_after, retry, error, terminal_error, panic (an unexpected exception type is still "error").</summary>
    public static readonly Counter<long> Reconciles = RuntimeMeter.Meter.CreateCounter<long>(
        "controller_runtime_reconcile_total", description: "Reconciles by controller and result.");

    public static readonly Counter<long> Errors = RuntimeMeter.Meter.CreateCounter<long>(
        "controller_runtime_reconcile_errors_total", description: "Reconciles that ended in an exception.");

    public static readonly Counter<long> TerminalErrors = RuntimeMeter.Meter.CreateCounter<long>(
        "controller_runtime_terminal_reconcile_errors_total", description: "Reconciles that ended in a terminal error (not retried).");

    public static readonly Histogram<double> Duration = RuntimeMeter.Meter.CreateHistogram<double>(
        "controller_runtime_reconcile_time_seconds", unit: "s", description: "Time per reconcile.");

    public static readonly UpDownCounter<long> ActiveWorkers = RuntimeMeter.Meter.CreateUpDownCounter<long>(
        "controller_runtime_active_workers", description: "Workers currently reconciling.");
}
