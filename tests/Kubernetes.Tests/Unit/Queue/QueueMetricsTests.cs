using System.Diagnostics.Metrics;
using BucketOperator.Kubernetes.Diagnostics;
using BucketOperator.TestSupport;

namespace BucketOperator.Kubernetes.Tests.Unit.Queue;

public sealed class QueueMetricsTests : IDisposable
{
    private readonly string _name = $"metrics-{Guid.NewGuid():N}";
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value)> _measurements = [];

    public QueueMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RuntimeMeter.Name && instrument.Name.StartsWith("workqueue_", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task Queue_KeyAddedTakenAndDone_RecordsCountsAndDurations()
    {
        var time = new FakeTimeProvider();
        using var queue = TestQueues.Create(time, name: _name);

        queue.Add("a");
        queue.Add("a");
        var depthQueued = Observe("workqueue_depth");
        time.Advance(TimeSpan.FromSeconds(3));
        var key = await queue.TakeAsync();
        time.Advance(TimeSpan.FromSeconds(2));
        var longestRunning = Observe("workqueue_longest_running_processor_seconds");
        var depthTaken = Observe("workqueue_depth");
        queue.Done(key);
        queue.AddAfter("a", TimeSpan.FromSeconds(1));
        queue.AddRateLimited("b");

        Assert.Equal([1], Values("workqueue_adds_total"));
        Assert.Equal([0, 1, 1], Values("workqueue_retries_total")); // 0 at creation, so the series exists before the first retry
        Assert.Equal([3], Values("workqueue_queue_duration_seconds"));
        Assert.Equal([2], Values("workqueue_work_duration_seconds"));
        Assert.Equal((1, 0, 2), (depthQueued, depthTaken, longestRunning));
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct, IConvertible
    {
        foreach (var tag in tags)
        {
            if (tag is { Key: "name", Value: string name } && name == _name)
            {
                lock (_measurements)
                {
                    _measurements.Add((instrument.Name, value.ToDouble(null)));
                }
            }
        }
    }

    private List<double> Values(string instrument)
    {
        lock (_measurements)
        {
            return _measurements.Where(m => m.Instrument == instrument).Select(m => m.Value).ToList();
        }
    }

    /// <summary>Collects the observable gauges now and returns this queue's value of <paramref name="instrument"/>.</summary>
    private double Observe(string instrument)
    {
        _listener.RecordObservableInstruments();
        return Values(instrument)[^1];
    }
}
