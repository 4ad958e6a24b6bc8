namespace BucketOperator.Kubernetes.Queue;

/// <summary>
/// Keys waiting for their ready time (client-go's delaying queue): a min-heap by ready time and one timer armed
/// for the earliest entry. A key waits at most once; adding it again keeps the earlier of the two ready times.
/// When a key's time comes it is passed to <c>add</c>. Times are measured on the monotonic timestamp of the
/// <see cref="TimeProvider"/>, so wall-clock steps neither hold keys back nor release them early.
/// </summary>
internal sealed class DelayedAdds<TKey> : IDisposable
    where TKey : notnull
{
    /// <summary>System timers refuse due times beyond about 49 days; a later key is reached by re-arming on wake-up.</summary>
    private static readonly TimeSpan LongestTimerDue = TimeSpan.FromDays(1);

    private readonly Lock _gate = new();

    /// <summary>Holds superseded entries too (a heap cannot move one): an entry counts only while it matches <see cref="_readyAt"/>.</summary>
    private readonly PriorityQueue<TKey, TimeSpan> _heap = new();

    private readonly Dictionary<TKey, TimeSpan> _readyAt = [];
    private readonly TimeProvider _time;
    private readonly Action<TKey> _add;
    private readonly long _origin;
    private readonly ITimer _timer;
    private TimeSpan? _armedFor;
    private bool _disposed;

    public DelayedAdds(TimeProvider time, Action<TKey> add)
    {
        _time = time;
        _add = add;
        _origin = time.GetTimestamp();
        _timer = time.CreateTimer(_ => AddReady(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Time since this was created: ready times are kept on this scale.</summary>
    private TimeSpan Now => _time.GetElapsedTime(_origin);

    public void Add(TKey key, TimeSpan delay)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var now = Now;
            var readyAt = delay >= TimeSpan.MaxValue - now ? TimeSpan.MaxValue : now + delay;
            if (_readyAt.TryGetValue(key, out var earlier) && earlier <= readyAt)
            {
                return;
            }

            _readyAt[key] = readyAt;
            _heap.Enqueue(key, readyAt);
            ArmLocked(now);
        }
    }

    /// <summary>Drops every waiting key and stops the timer; later adds are ignored.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _heap.Clear();
            _readyAt.Clear();
            _timer.Dispose();
        }
    }

    private void AddReady()
    {
        List<TKey> ready = [];
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var now = Now;
            while (TryPeekLocked(out var key, out var readyAt) && readyAt <= now)
            {
                _heap.Dequeue();
                _readyAt.Remove(key);
                ready.Add(key);
            }

            _armedFor = null;
            ArmLocked(now);
        }

        // Outside the lock: the work queue takes its own.
        foreach (var key in ready)
        {
            _add(key);
        }
    }

    private void ArmLocked(TimeSpan now)
    {
        if (!TryPeekLocked(out _, out var next))
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _armedFor = null;
            return;
        }

        if (_armedFor == next)
        {
            return;
        }

        _armedFor = next;
        var due = next - now;
        _timer.Change(due < TimeSpan.Zero ? TimeSpan.Zero : due > LongestTimerDue ? LongestTimerDue : due, Timeout.InfiniteTimeSpan);
    }

    private bool TryPeekLocked(out TKey key, out TimeSpan readyAt)
    {
        while (_heap.TryPeek(out key!, out readyAt))
        {
            if (_readyAt.TryGetValue(key, out var current) && current == readyAt)
            {
                return true;
            }

            _heap.Dequeue();
        }

        return false;
    }
}
