namespace BucketOperator.TestSupport;

/// <summary>
/// A clock tests move by hand. Timers (and so Task.Delay(…, provider)) fire during <see cref="Advance"/>,
/// in due order, each with the clock at its own due time.
/// Ours rather than Microsoft.Extensions.TimeProvider.Testing's (served since 2026-12, and tried): that clock fires every
/// timer due within a step with the clock already at the step's end, and it does not show its pending timers, so the
/// waits below (<see cref="WaitForTimersAsync"/>, <see cref="AdvanceUntilAsync"/>) would need a second list of timers
/// beside the library's, which a timer armed on another thread while the test advances can put out of step with it
/// (an Advance that never ends). One list, kept here, has no such window.
/// </summary>
public sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<FakeTimer> _timers = [];
    private readonly List<(int Count, TaskCompletionSource Done)> _timerWaiters = [];
    private DateTimeOffset _now = start;
    private TaskCompletionSource _waitArmed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // How many timers have been armed so far; each timer remembers its number, so "armed since the last step" is a comparison.
    private long _armed;

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
    /// Moves the clock from one due timer to the next until <paramref name="done"/> holds. Before each step it
    /// waits, in real time and without moving the clock, until the code under test is waiting on the clock
    /// again: a <c>Task.Delay</c> (or <c>WaitAsync</c>) on this provider armed since the previous step. Timers
    /// of deadlines (<see cref="CancellationTokenSource"/>) do not count, since code keeps running while one is
    /// pending. So the clock never moves while woken code is still busy (with real I/O, say), and every wait
    /// ends exactly at its due time, however loaded the machine is. Meant for one flow waiting on the clock at
    /// a time (a loop, a retry, a queue of waiters served in turn). Fails after <paramref name="limit"/> of fake
    /// time, or when the code neither finishes nor waits on the clock within <paramref name="realTimeout"/>
    /// (default 10 s).
    /// </summary>
    public async Task AdvanceUntilAsync(Func<bool> done, TimeSpan limit, TimeSpan? realTimeout = null)
    {
        var start = GetUtcNow();
        long steppedAt = 0;
        while (true)
        {
            await WaitUntilWaitingAsync(done, steppedAt, realTimeout ?? TimeSpan.FromSeconds(10));
            if (done())
            {
                return;
            }

            DateTimeOffset? next;
            lock (_gate)
            {
                // The wait may have been cancelled meanwhile; then wait for the next one.
                next = _timers.Count == 0 ? null : _timers.Min(t => t.DueAt);
                steppedAt = _armed;
            }

            if (next is null)
            {
                continue;
            }

            if (next.Value - start > limit)
            {
                throw new TimeoutException($"not done after {limit} of fake time (next timer due at +{next.Value - start})");
            }

            Advance(next.Value - GetUtcNow());
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

    private async Task WaitUntilWaitingAsync(Func<bool> done, long armedAfter, TimeSpan realTimeout)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!done())
        {
            Task armed;
            lock (_gate)
            {
                if (_timers.Any(t => t.IsWait && t.Number > armedAfter))
                {
                    return;
                }

                armed = _waitArmed.Task;
            }

            if (TimeProvider.System.GetElapsedTime(started) > realTimeout)
            {
                throw new TimeoutException($"after {realTimeout} of real time the code under test neither finished nor waited on the clock");
            }

            // Arming wakes this at once; the short poll only notices `done`, which has no signal.
            await Task.WhenAny(armed, Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System));
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // Task.Delay and Task.WaitAsync pass their own promise as the state: somebody awaits this timer.
        var timer = new FakeTimer(this, callback, state, isWait: state is Task);
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

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state, bool isWait) : ITimer
    {
        private TimeSpan _period;

        /// <summary>Code awaits this timer (a delay), rather than merely being cancelled by it (a deadline).</summary>
        public bool IsWait { get; } = isWait;

        /// <summary>When it was last armed, counted in timers armed by the owner.</summary>
        public long Number { get; private set; }

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
                    Number = ++owner._armed;
                    owner._timers.Add(this);
                    owner.SignalTimerWaiters();
                    if (IsWait)
                    {
                        owner._waitArmed.TrySetResult();
                        owner._waitArmed = new(TaskCreationOptions.RunContinuationsAsynchronously);
                    }
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
