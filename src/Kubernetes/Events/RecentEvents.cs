namespace BucketOperator.Kubernetes.Events;

/// <summary>
/// A least-recently-used map from Event key to the series last written, so a repeat is one PATCH with no read.
/// Thread-safe: each occurrence is counted atomically, even when the writes that follow race.
/// </summary>
internal sealed class RecentEvents(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, EventSeries Series)>> _nodes = [];
    private readonly LinkedList<(string Key, EventSeries Series)> _byUse = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _nodes.Count;
            }
        }
    }

    /// <summary>Counts one occurrence: the remembered series continued (<c>Known</c>), or a new one.</summary>
    public (EventSeries Series, bool Known) Observe(string key, DateTimeOffset now, TimeSpan window)
    {
        lock (_gate)
        {
            var known = _nodes.TryGetValue(key, out var node);
            var series = known ? node!.Value.Series.Next(now, window) : EventSeries.Start(now);
            Put(key, series);
            return (series, known);
        }
    }

    /// <summary>Replaces the remembered series, e.g. with the server's after a restart.</summary>
    public void Set(string key, EventSeries series)
    {
        lock (_gate)
        {
            Put(key, series);
        }
    }

    /// <summary>Called under the lock.</summary>
    private void Put(string key, EventSeries series)
    {
        if (_nodes.Remove(key, out var old))
        {
            _byUse.Remove(old);
        }

        _nodes[key] = _byUse.AddFirst((key, series));
        if (_nodes.Count > capacity)
        {
            _nodes.Remove(_byUse.Last!.Value.Key);
            _byUse.RemoveLast();
        }
    }
}
