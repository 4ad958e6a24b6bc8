using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using BucketOperator.Kubernetes.Diagnostics;

namespace BucketOperator.Kubernetes.Tests.Unit;

/// <summary>Records the measurements of one instrument of the runtime meter while it is alive.</summary>
internal sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(long Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();

    public MeasurementRecorder(string instrument)
    {
        _listener.InstrumentPublished = (i, listener) =>
        {
            if (i.Meter.Name == RuntimeMeter.Name && i.Name == instrument)
            {
                listener.EnableMeasurementEvents(i);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) => _measurements.Enqueue((value, tags.ToArray())));
        _listener.Start();
    }

    /// <summary>The sum of the measurements carrying this tag (other tests' watches run in parallel and carry other tags).</summary>
    public long Sum((string Key, string Value) tag) =>
        _measurements.Where(m => m.Tags.Any(t => t.Key == tag.Key && Equals(t.Value, tag.Value))).Sum(m => m.Value);

    public void Dispose() => _listener.Dispose();
}
