using System.Diagnostics.Metrics;
using BucketOperator.Kubernetes.Diagnostics;

namespace BucketOperator.Benchmarks.Measurement;

/// <summary>
/// Listens to the controller runtime's own instruments (<see cref="RuntimeMeter"/>): reconciles finished and in
/// progress, the work queue's wait times and the informers' notifications. Everything in this process that uses
/// the runtime is heard, so one operator runs at a time.
/// </summary>
internal sealed class RuntimeProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly List<double> _queueWaits = [];
    private readonly Dictionary<string, long> _notifications = new(StringComparer.Ordinal);
    private readonly List<long> _resyncStarts = [];
    private long _reconciles;
    private long _active;
    private long _lastReconcileAt;
    private long _lastResyncAt;

    public RuntimeProbe(TimeProvider time)
    {
        _time = time;
        _lastReconcileAt = time.GetTimestamp();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RuntimeMeter.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnLong);
        _listener.SetMeasurementEventCallback<double>(OnDouble);
        _listener.Start();
    }

    public long Reconciles
    {
        get
        {
            lock (_gate)
            {
                return _reconciles;
            }
        }
    }

    /// <summary>Seconds each key waited in the work queue before a worker took it, in the order they were taken.</summary>
    public IReadOnlyList<double> QueueWaits
    {
        get
        {
            lock (_gate)
            {
                return [.. _queueWaits];
            }
        }
    }

    /// <summary>When each resync began (its first notification; a resync is delivered in one burst), monotonic timestamps.</summary>
    public IReadOnlyList<long> ResyncStarts
    {
        get
        {
            lock (_gate)
            {
                return [.. _resyncStarts];
            }
        }
    }

    /// <summary>Informer notifications of one type (add, update, delete, resync) for one resource, e.g. "objectbuckets.storage.latitude.sh".</summary>
    public long Notifications(string resource, string type)
    {
        lock (_gate)
        {
            return _notifications.GetValueOrDefault($"{resource}/{type}");
        }
    }

    /// <summary>
    /// Waits until at least <paramref name="reconciles"/> reconciles have finished, none is running and none has
    /// finished for <paramref name="quiet"/>; returns when the last one finished (monotonic timestamp), so the
    /// quiet period is not part of any time measured from it.
    /// </summary>
    public async Task<long> WaitIdleAsync(long reconciles, TimeSpan quiet, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        while (true)
        {
            lock (_gate)
            {
                if (_reconciles >= reconciles && _active == 0 && _time.GetElapsedTime(_lastReconcileAt) >= quiet)
                {
                    return _lastReconcileAt;
                }

                if (_time.GetElapsedTime(started) > timeout)
                {
                    throw new TimeoutException($"the operator did not settle within {timeout.TotalSeconds:0} s: {_reconciles} of {reconciles} reconciles finished, {_active} running");
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), _time, cancellationToken);
        }
    }

    public void Dispose() => _listener.Dispose();

    private void OnLong(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        lock (_gate)
        {
            switch (instrument.Name)
            {
                case "controller_runtime_reconcile_total":
                    _reconciles += value;
                    _lastReconcileAt = _time.GetTimestamp();
                    break;
                case "controller_runtime_active_workers":
                    _active += value;
                    break;
                case "latitude_operator_informer_events_total":
                    var type = Tag(tags, "type");
                    var key = $"{Tag(tags, "resource")}/{type}";
                    _notifications[key] = _notifications.GetValueOrDefault(key) + value;
                    if (type == "resync")
                    {
                        var now = _time.GetTimestamp();
                        if (_resyncStarts.Count == 0 || _time.GetElapsedTime(_lastResyncAt, now) > TimeSpan.FromSeconds(1))
                        {
                            _resyncStarts.Add(now);
                        }

                        _lastResyncAt = now;
                    }

                    break;
            }
        }
    }

    private void OnDouble(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument.Name == "workqueue_queue_duration_seconds")
        {
            lock (_gate)
            {
                _queueWaits.Add(value);
            }
        }
    }

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name)
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
