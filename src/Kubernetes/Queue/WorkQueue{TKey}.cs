using Microsoft.Extensions.Logging;

namespace BucketOperator.Kubernetes.Queue;

/// <summary>
/// client-go's work queue without delays: keys in FIFO order (<c>_queue</c>), the keys that need processing
/// (<c>_dirty</c>) and the keys workers hold (<c>_processing</c>). A key is queued at most once and held by at
/// most one worker; adding a held key marks it dirty and it is queued again on <see cref="Done"/>. Waiting
/// workers are completions handed a key directly by whoever queues one, so nothing polls.
/// </summary>
internal sealed class WorkQueue<TKey> : IObservedQueue
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Queue<TKey> _queue = new();
    private readonly HashSet<TKey> _dirty = [];

    /// <summary>Held keys and when they were handed out.</summary>
    private readonly Dictionary<TKey, long> _processing = [];

    /// <summary>When each dirty key was first added since it was last handed out (for the queue duration).</summary>
    private readonly Dictionary<TKey, long> _addedAt = [];

    private readonly LinkedList<TaskCompletionSource<(TKey Key, bool ShuttingDown)>> _waiters = new();
    private readonly string _name;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly KeyValuePair<string, object?> _tag;
    private State _state;
    private TaskCompletionSource? _drained;

    public WorkQueue(string name, TimeProvider time, ILogger logger)
    {
        _name = name;
        _time = time;
        _logger = logger;
        _tag = QueueMetrics.Tag(name);
        QueueMetrics.Observe(this, name);
    }

    private enum State
    {
        Running,

        /// <summary>Adds are ignored; queued keys are still handed out until none is queued or held.</summary>
        Draining,

        /// <summary>Adds are ignored and nothing more is handed out.</summary>
        ShutDown,
    }

    public int Length
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    public bool IsShuttingDown
    {
        get
        {
            lock (_gate)
            {
                return _state != State.Running;
            }
        }
    }

    public long Depth
    {
        get
        {
            lock (_gate)
            {
                return _dirty.Count;
            }
        }
    }

    public TimeSpan LongestRunning
    {
        get
        {
            lock (_gate)
            {
                return _processing.Count == 0 ? TimeSpan.Zero : _time.GetElapsedTime(_processing.Values.Min());
            }
        }
    }

    /// <summary>True when a waiting worker would never get another key, so it may as well stop.</summary>
    private bool FinishedLocked =>
        _state == State.ShutDown || (_state == State.Draining && _queue.Count == 0 && _processing.Count == 0);

    public void Add(TKey key)
    {
        lock (_gate)
        {
            if (_state != State.Running || !_dirty.Add(key))
            {
                return;
            }

            QueueMetrics.Adds.Add(1, _tag);
            _addedAt.TryAdd(key, _time.GetTimestamp());
            if (!_processing.ContainsKey(key))
            {
                _queue.Enqueue(key);
                WakeLocked();
            }
        }
    }

    public ValueTask<(TKey Key, bool ShuttingDown)> GetAsync(CancellationToken cancellationToken)
    {
        LinkedListNode<TaskCompletionSource<(TKey Key, bool ShuttingDown)>> waiter;
        lock (_gate)
        {
            if (FinishedLocked)
            {
                return ValueTask.FromResult<(TKey, bool)>((default!, true));
            }

            if (_queue.TryDequeue(out var key))
            {
                HandOutLocked(key);
                return ValueTask.FromResult((key, false));
            }

            waiter = _waiters.AddLast(new TaskCompletionSource<(TKey, bool)>(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        return new ValueTask<(TKey, bool)>(WaitAsync(waiter, cancellationToken));
    }

    public void Done(TKey key)
    {
        lock (_gate)
        {
            if (!_processing.Remove(key, out var handedOutAt))
            {
                Log.DoneWithoutGet(_logger, _name, key);
                return;
            }

            QueueMetrics.WorkDuration.Record(_time.GetElapsedTime(handedOutAt).TotalSeconds, _tag);
            if (_dirty.Contains(key))
            {
                _queue.Enqueue(key);
            }

            WakeLocked();
        }
    }

    public void ShutDown()
    {
        lock (_gate)
        {
            if (_state != State.ShutDown)
            {
                Log.ShuttingDown(_logger, _name, drain: false, _queue.Count, _processing.Count);
                _state = State.ShutDown;
                WakeLocked();
            }
        }
    }

    public Task ShutDownWithDrainAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_state == State.Running)
            {
                Log.ShuttingDown(_logger, _name, drain: true, _queue.Count, _processing.Count);
                _state = State.Draining;
            }

            _drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            WakeLocked();
            return _drained.Task.WaitAsync(cancellationToken);
        }
    }

    private async Task<(TKey Key, bool ShuttingDown)> WaitAsync(LinkedListNode<TaskCompletionSource<(TKey Key, bool ShuttingDown)>> waiter, CancellationToken cancellationToken)
    {
        // The waiter leaves the list before it is cancelled, and WakeLocked completes only waiters still in the
        // list (both under the lock), so a key is never handed to a worker that has stopped waiting.
        await using var registration = cancellationToken.Register(() =>
        {
            lock (_gate)
            {
                if (waiter.List is not null)
                {
                    _waiters.Remove(waiter);
                }
            }

            waiter.Value.TrySetCanceled(cancellationToken);
        });
        return await waiter.Value.Task;
    }

    private void HandOutLocked(TKey key)
    {
        var now = _time.GetTimestamp();
        _dirty.Remove(key);
        _processing[key] = now;
        if (_addedAt.Remove(key, out var addedAt))
        {
            QueueMetrics.QueueDuration.Record(_time.GetElapsedTime(addedAt, now).TotalSeconds, _tag);
        }
    }

    /// <summary>Brings waiters and the drain in line with the state after any change.</summary>
    private void WakeLocked()
    {
        while (_state != State.ShutDown && _waiters.First is { } waiter && _queue.TryDequeue(out var key))
        {
            _waiters.RemoveFirst();
            HandOutLocked(key);
            waiter.Value.SetResult((key, false));
        }

        if (FinishedLocked)
        {
            while (_waiters.First is { } waiter)
            {
                _waiters.RemoveFirst();
                waiter.Value.SetResult((default!, true));
            }
        }

        if (_drained is { Task.IsCompleted: false } && _processing.Count == 0 && (_queue.Count == 0 || _state == State.ShutDown))
        {
            Log.Drained(_logger, _name);
            _drained.SetResult();
        }
    }
}
