using System.Diagnostics.Metrics;
using BucketOperator.Kubernetes.LeaderElection;
using BucketOperator.Kubernetes.Models;
using BucketOperator.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace BucketOperator.Kubernetes.Tests.Unit.LeaderElection;

public sealed class LeaderElectorTests : IDisposable
{
    private const string LeaseName = "operator-lock";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);
    private static readonly LeaderElectionOptions Options = new() { LeaseName = LeaseName, LeaseNamespace = "system", Identity = "me" };
    private static readonly TimeSpan LongestAcquireWait = Options.RetryPeriod * (1 + LeaderElectionOptions.JitterFactor);

    private readonly FakeTimeProvider _time = new();
    private readonly InMemoryLeaseClient _client;
    private readonly CancellationTokenSource _shutdown = new();

    public LeaderElectorTests() => _client = new InMemoryLeaseClient(_time);

    public void Dispose() => _shutdown.Dispose();

    [Fact]
    public async Task RunAsync_LeaseAbsent_CreatesItAndLeadsRenewingOnlyRenewTime()
    {
        var (elector, work, run) = Start();
        await work.Started;
        var acquiredAt = _time.GetUtcNow();

        Assert.True(elector.IsLeader);
        Assert.Equal("me", elector.CurrentLeader);
        Assert.Equal(new V1LeaseSpec { HolderIdentity = "me", LeaseDurationSeconds = 15, AcquireTime = acquiredAt.UtcDateTime, RenewTime = acquiredAt.UtcDateTime, LeaseTransitions = 0 }, Lease().Spec);

        await AdvanceAsync(TimeSpan.FromSeconds(5));
        Assert.Equal([acquiredAt, acquiredAt + TimeSpan.FromSeconds(2), acquiredAt + TimeSpan.FromSeconds(4)], _client.Writes.Select(w => w.At));
        Assert.Equal(new V1LeaseSpec { HolderIdentity = "me", LeaseDurationSeconds = 15, AcquireTime = acquiredAt.UtcDateTime, RenewTime = (acquiredAt + TimeSpan.FromSeconds(4)).UtcDateTime, LeaseTransitions = 0 }, Lease().Spec);
        await StopAsync(run);
    }

    [Fact]
    public async Task RunAsync_RecordKeepsChanging_NeverTakesOver()
    {
        _client.Put(HeldBy("other", renewTime: _time.GetUtcNow()));
        var (elector, _, run) = Start();

        for (var i = 0; i < 30; i++)
        {
            await AdvanceAsync(TimeSpan.FromSeconds(2));
            _client.Put(Lease() with { Spec = Lease().Spec! with { RenewTime = _time.GetUtcNow().UtcDateTime } });
            Assert.False(elector.IsLeader, $"took over after {(i + 1) * 2} s although the holder kept renewing");
        }

        Assert.Equal("other", elector.CurrentLeader);
        Assert.Empty(_client.Writes);
        await StopAsync(run);
    }

    [Theory]
    [InlineData(3600)]
    [InlineData(-3600)]
    [InlineData(0)]
    public async Task RunAsync_RecordUnchanged_TakesOverOnlyAfterLeaseDurationOnLocalClock(int renewTimeSkewSeconds)
    {
        var firstSeen = _time.GetUtcNow();
        _client.Put(HeldBy("other", renewTime: firstSeen + TimeSpan.FromSeconds(renewTimeSkewSeconds), transitions: 4));
        var leaders = new List<string?>();
        var (elector, work, run) = Start(configure: e => e.LeaderChanged += leaders.Add);

        await AdvanceAsync(Options.LeaseDuration);
        Assert.Equal(firstSeen + Options.LeaseDuration, _time.GetUtcNow());
        Assert.False(elector.IsLeader, "took over before the lease duration passed on the local clock");
        Assert.Equal("other", elector.CurrentLeader);

        // Stop at the takeover: the work starts on another thread that never waits on the clock, so the clock
        // would otherwise keep stepping through renewals until it happened to run.
        await AdvanceUntilAsync(() => elector.IsLeader);
        await work.Started;

        var (takenAt, lease) = Assert.Single(_client.Writes);
        Assert.InRange(takenAt, firstSeen + Options.LeaseDuration + TimeSpan.FromTicks(1), firstSeen + Options.LeaseDuration + LongestAcquireWait + TimeSpan.FromSeconds(1));
        Assert.Equal(new V1LeaseSpec { HolderIdentity = "me", LeaseDurationSeconds = 15, AcquireTime = takenAt.UtcDateTime, RenewTime = takenAt.UtcDateTime, LeaseTransitions = 5 }, lease.Spec);
        Assert.Equal(["other", "me"], leaders);
        await StopAsync(run);
    }

    [Fact]
    public async Task RunAsync_LeaseWithoutHolder_TakesOverAtOnce()
    {
        _client.Put(HeldBy(null, renewTime: _time.GetUtcNow(), transitions: 2));
        var (_, work, run) = Start();

        await work.Started;

        Assert.Equal(_time.GetUtcNow(), work.StartedAt);
        Assert.Equal(("me", 3), (Lease().Spec!.HolderIdentity, Lease().Spec!.LeaseTransitions));
        await StopAsync(run);
    }

    [Fact]
    public async Task RunAsync_RivalWritesFirst_ConflictLeavesRivalLeading()
    {
        _client.Put(HeldBy(null, renewTime: _time.GetUtcNow()));
        _client.BeforeReplace = () =>
        {
            _client.BeforeReplace = null;
            _client.Put(HeldBy("rival", renewTime: _time.GetUtcNow()));
        };
        var (elector, _, run) = Start();

        await AdvanceAsync(TimeSpan.FromSeconds(10));

        Assert.False(elector.IsLeader);
        Assert.Equal("rival", elector.CurrentLeader);
        Assert.Equal("rival", Lease().Spec!.HolderIdentity);
        Assert.Empty(_client.Writes);
        await StopAsync(run);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RunAsync_RenewalsFailForRenewDeadline_CancelsWorkBeforeLeaseCanExpireAndReturns(bool callsHang)
    {
        var (elector, work, run) = Start();
        await work.Started;
        await AdvanceAsync(TimeSpan.FromSeconds(5));

        _client.Mode = callsHang ? InMemoryLeaseClient.Outage.Silent : InMemoryLeaseClient.Outage.Failing;
        await AdvanceUntilAsync(() => run.IsCompleted);

        await run;
        var lastRenewal = _client.Writes[^1].At;
        Assert.NotNull(work.CancelledAt);
        Assert.True(work.CancelledAt <= lastRenewal + Options.RenewDeadline, $"work cancelled {work.CancelledAt - lastRenewal} after the last renewal");
        Assert.True(lastRenewal + Options.RenewDeadline < lastRenewal + Options.LeaseDuration);
        Assert.False(elector.IsLeader);
        Assert.Equal("me", Lease().Spec!.HolderIdentity);
        Assert.True(_client.FailedCalls >= 2, $"expected a retry within the renew deadline (each call bounded by {Options.CallTimeout}), saw {_client.FailedCalls} call(s)");
    }

    [Fact]
    public async Task RunAsync_Cancelled_KeepsRenewingUntilWorkStopsThenReleases()
    {
        var (_, work, run) = Start(holdAfterCancel: true);
        await work.Started;

        await _shutdown.CancelAsync();
        await AdvanceAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(3, _client.Writes.Count);
        Assert.Equal(("me", 15), (Lease().Spec!.HolderIdentity, Lease().Spec!.LeaseDurationSeconds));

        // Stopping renewal and releasing wait on nothing but the work, so the clock stays where the work stopped.
        work.Finish();
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        var (releasedAt, released) = _client.Writes[^1];
        Assert.Equal(work.StoppedAt, releasedAt);
        Assert.Equal(new V1LeaseSpec { HolderIdentity = null, LeaseDurationSeconds = 1, AcquireTime = releasedAt.UtcDateTime, RenewTime = releasedAt.UtcDateTime, LeaseTransitions = 0 }, released.Spec);
        using var nextShutdown = new CancellationTokenSource();
        var (_, next, nextRun) = Start(identity: "next", shutdown: nextShutdown.Token);
        await next.Started;
        Assert.Equal(releasedAt, next.StartedAt);
        Assert.Equal(("next", 1), (Lease().Spec!.HolderIdentity, Lease().Spec!.LeaseTransitions));
        await nextShutdown.CancelAsync();
        await nextRun;
    }

    [Fact]
    public async Task RunAsync_CancelledWithoutReleaseOnCancel_LeavesLeaseHeld()
    {
        var (_, work, run) = Start(options: Options with { ReleaseOnCancel = false });
        await work.Started;

        await StopAsync(run);

        Assert.Equal(("me", 15), (Lease().Spec!.HolderIdentity, Lease().Spec!.LeaseDurationSeconds));
        Assert.Single(_client.Writes);
    }

    [Fact]
    public async Task RunAsync_WorkFails_ReleasesAndRethrows()
    {
        var elector = new LeaderElector(_client, Options, _time, NullLogger<LeaderElector>.Instance);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => elector.RunAsync(_ => throw new InvalidOperationException("work failed"), _shutdown.Token));

        Assert.Equal("work failed", failure.Message);
        Assert.Equal((null, 1), (Lease().Spec!.HolderIdentity, Lease().Spec!.LeaseDurationSeconds));
        Assert.False(elector.IsLeader);
    }

    [Fact]
    public async Task RunAsync_LeadThenRelease_ReportsMasterStatusOneThenZero()
    {
        var name = $"lock-{Guid.NewGuid():N}";
        var statuses = new List<int>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "leader_election_master_status")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, value, tags, _) =>
        {
            if (tags.ToArray().Contains(new KeyValuePair<string, object?>("name", name)))
            {
                lock (statuses)
                {
                    statuses.Add(value);
                }
            }
        });
        listener.Start();
        var (_, work, run) = Start(options: Options with { LeaseName = name });
        await work.Started;

        await StopAsync(run);

        // A gauge may repeat a value; what matters is the sequence of changes.
        Assert.Equal([0, 1, 0], statuses.Where((status, i) => i == 0 || statuses[i - 1] != status));
    }

    private (LeaderElector Elector, RecordingWork Work, Task Run) Start(
        string identity = "me",
        bool holdAfterCancel = false,
        LeaderElectionOptions? options = null,
        Action<LeaderElector>? configure = null,
        CancellationToken? shutdown = null)
    {
        var elector = new LeaderElector(_client, (options ?? Options) with { Identity = identity }, _time, NullLogger<LeaderElector>.Instance);
        configure?.Invoke(elector);
        var work = new RecordingWork(_time, holdAfterCancel);
        return (elector, work, Task.Run(() => elector.RunAsync(work.RunAsync, shutdown ?? _shutdown.Token)));
    }

    private async Task StopAsync(Task run)
    {
        await _shutdown.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private V1Lease Lease(string name = LeaseName) => _client.Read(name) ?? throw new InvalidOperationException("no lease");

    private static V1Lease HeldBy(string? holder, DateTimeOffset renewTime, int transitions = 0) => new()
    {
        Metadata = new V1ObjectMeta { Name = LeaseName, NamespaceProperty = "system" },
        Spec = new V1LeaseSpec { HolderIdentity = holder, LeaseDurationSeconds = 15, AcquireTime = renewTime.UtcDateTime, RenewTime = renewTime.UtcDateTime, LeaseTransitions = transitions },
    };

    /// <summary>
    /// Moves the clock by exactly <paramref name="duration"/>, stepping from one wait of the elector to the next.
    /// A timer nobody awaits marks the target, so the last step stops there instead of running the elector's
    /// next wait beyond it, and it does not count as the elector waiting on the clock.
    /// </summary>
    private async Task AdvanceAsync(TimeSpan duration)
    {
        var reached = new TaskCompletionSource();
        using var target = _time.CreateTimer(_ => reached.TrySetResult(), null, duration, Timeout.InfiniteTimeSpan);
        await AdvanceUntilAsync(() => reached.Task.IsCompleted);
    }

    private Task AdvanceUntilAsync(Func<bool> done) => _time.AdvanceUntilAsync(done, Limit);
}
