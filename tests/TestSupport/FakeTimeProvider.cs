namespace BucketOperator.TestSupport;

/// <summary>
/// A clock tests move by hand. Timers (and so Task.Delay(…, provider)) fire during <see cref="Advance"/>,
/// in due order. Microsoft.Extensions.TimeProvider.Testing is not available here.
/// </summary>
public sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<FakeTimer> _timers = [];
    private readonly List<(int Count, TaskCompletionSource Done)> _timerWaiters = [];
    private DateTimeOffset _now = start;

    public FakeTimeProvider()
        : this(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public void Advance(TimeSpan delta)
    {
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + delta;
        }

        while (true)
        {
            FakeTimer? due;
            lock (_gate)
            {
                due = _timers.Where(t => t.DueAt <= target).MinBy(t => t.DueAt);
                if (due is null)
                {
                    _now = target;
                    return;
                }

                _now = due.DueAt > _now ? due.DueAt : _now;
                due.Reschedule();
            }

            due.Fire();
        }
    }

    /// <summary>
    /// Steps the clock until <paramref name="done"/> holds, pausing briefly in real time after each step so
    /// that code woken by a timer runs (and starts its next timer) before the clock moves on. Fails after
    /// <paramref name="limit"/> of fake time.
    /// </summary>
    public async Task AdvanceUntilAsync(Func<bool> done, TimeSpan step, TimeSpan limit)
    {
        var elapsed = TimeSpan.Zero;
        await Settle();
        while (!done())
        {
            if (elapsed >= limit)
            {
                throw new TimeoutException($"not done after {limit} of fake time");
            }

            Advance(step);
            elapsed += step;
            await Settle();
        }
    }

    /// <summary>Timers that will fire on a future <see cref="Advance"/>.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count;
            }
        }
    }

    /// <summary>
    /// Completes once at least <paramref name="count"/> timers are pending, i.e. once the code under test has
    /// reached the point where it waits on the clock. Tests then <see cref="Advance"/> knowing the wait is
    /// armed, instead of sleeping real time and hoping. Fails after <paramref name="realTimeout"/> (default 10 s).
    /// </summary>
    public async Task WaitForTimersAsync(int count = 1, TimeSpan? realTimeout = null)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_timers.Count >= count)
            {
                return;
            }

            _timerWaiters.Add((count, done));
        }

        try
        {
            await done.Task.WaitAsync(realTimeout ?? TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _timerWaiters.RemoveAll(w => w.Done == done);
                throw new TimeoutException($"expected {count} pending timer(s), have {_timers.Count}");
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Called under the lock.</summary>
    private void SignalTimerWaiters()
    {
        foreach (var waiter in _timerWaiters.Where(w => _timers.Count >= w.Count).ToList())
        {
            _timerWaiters.Remove(waiter);
            waiter.Done.TrySetResult();
        }
    }

    private static async Task Settle()
    {
        for (var i = 0; i < 5; i++)
        {
            await Task.Delay(2);
        }
    }

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period;

        public DateTimeOffset DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
                _period = period;
                if (dueTime != Timeout.InfiniteTimeSpan)
                {
                    DueAt = owner._now + dueTime;
                    owner._timers.Add(this);
                    owner.SignalTimerWaiters();
                }
            }

            return true;
        }

        /// <summary>Called under the owner's lock: periodic timers move to their next due time, one-shot ones leave.</summary>
        public void Reschedule()
        {
            owner._timers.Remove(this);
            if (_period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero)
            {
                DueAt += _period;
                owner._timers.Add(this);
            }
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
