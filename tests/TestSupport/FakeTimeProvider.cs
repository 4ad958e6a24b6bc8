namespace BucketOperator.TestSupport;

/// <summary>
/// Microsoft.Extensions.TimeProvider.Testing's clock with what our tests add: <see cref="Advance"/> stops at each due
/// timer in turn, so a timer's callback sees the clock at its own due time (the library fires every due timer with
/// the clock already at the end of the step), and three waits on the code under test: <see cref="PendingTimers"/>,
/// <see cref="WaitForTimersAsync"/> and <see cref="AdvanceUntilAsync"/>. The library keeps the time and fires the
/// timers; this class only keeps a list of the timers it made and when each is due.
/// </summary>
public sealed class FakeTimeProvider() : Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero))
{
    private readonly Lock _gate = new();
    private readonly List<TrackedTimer> _timers = [];
    private readonly List<(int Count, TaskCompletionSource Done)> _timerWaiters = [];
    private TaskCompletionSource _waitArmed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // How many timers have been armed so far; each timer remembers its number, so "armed since the last step" is a comparison.
    private long _armed;

    /// <summary>Moves the clock by <paramref name="delta"/>, firing the timers due on the way in due order, each at its due time.</summary>
    public new void Advance(TimeSpan delta)
    {
        var target = GetUtcNow() + delta;
        while (NextDue() is { } due && due <= target)
        {
            base.Advance(due > GetUtcNow() ? due - GetUtcNow() : TimeSpan.Zero);
        }

        base.Advance(target - GetUtcNow());
    }

    /// <summary>
    /// Moves the clock from one due timer to the next until <paramref name="done"/> holds. Before each step it
    /// waits, in real time and without moving the clock, until the code under test is waiting on the clock
    /// again: a <c>Task.Delay</c> (or <c>WaitAsync</c>) on this provider armed since the previous step. Timers
    /// of deadlines (<see cref="CancellationTokenSource"/>) do not count, since code keeps running while one is
    /// pending. So the clock never moves while woken code is still busy (with real I/O, say), and every wait
    /// ends exactly at its due time, however loaded the machine is. Meant for one flow waiting on the clock at
    /// a time. Fails after <paramref name="limit"/> of fake time, or when the code neither finishes nor waits on
    /// the clock within <paramref name="realTimeout"/> (default 10 s).
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
                next = NextDue();
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

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // Task.Delay and Task.WaitAsync pass their own promise as the state: somebody awaits this timer.
        var tracked = new TrackedTimer(this, isWait: state is Task);
        tracked.Track(dueTime, period);
        tracked.Inner = base.CreateTimer(s => { tracked.Fired(); callback(s); }, state, dueTime, period);
        return tracked;
    }

    private DateTimeOffset? NextDue()
    {
        lock (_gate)
        {
            return _timers.Count == 0 ? null : _timers.Min(t => t.DueAt);
        }
    }

    private async Task WaitUntilWaitingAsync(Func<bool> done, long armedAfter, TimeSpan realTimeout)
    {
        var started = System.GetTimestamp();
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

            if (System.GetElapsedTime(started) > realTimeout)
            {
                throw new TimeoutException($"after {realTimeout} of real time the code under test neither finished nor waited on the clock");
            }

            // Arming wakes this at once; the short poll only notices `done`, which has no signal.
            await Task.WhenAny(armed, Task.Delay(TimeSpan.FromMilliseconds(1), System));
        }
    }

    /// <summary>The library's timer, with when it is due next; the list holds the timers that will still fire.</summary>
    private sealed class TrackedTimer(FakeTimeProvider owner, bool isWait) : ITimer
    {
        private TimeSpan _period;

        public ITimer Inner { get; set; } = null!;

        /// <summary>Code awaits this timer (a delay), rather than merely being cancelled by it (a deadline).</summary>
        public bool IsWait { get; } = isWait;

        /// <summary>When it was last armed, counted in timers armed by the owner.</summary>
        public long Number { get; private set; }

        public DateTimeOffset DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Track(dueTime, period);
            return Inner.Change(dueTime, period);
        }

        public void Track(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
                _period = period;
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    return;
                }

                DueAt = owner.GetUtcNow() + dueTime;
                Number = ++owner._armed;
                owner._timers.Add(this);
                foreach (var waiter in owner._timerWaiters.Where(w => owner._timers.Count >= w.Count).ToList())
                {
                    owner._timerWaiters.Remove(waiter);
                    waiter.Done.TrySetResult();
                }

                if (IsWait)
                {
                    owner._waitArmed.TrySetResult();
                    owner._waitArmed = new(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
        }

        /// <summary>Periodic timers move to their next due time, one-shot ones leave the list.</summary>
        public void Fired()
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
                if (_period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero)
                {
                    DueAt += _period;
                    owner._timers.Add(this);
                }
            }
        }

        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
            }

            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
