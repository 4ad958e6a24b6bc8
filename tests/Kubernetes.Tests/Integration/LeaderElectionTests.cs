using BucketOperator.ControlPlane;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.LeaderElection;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Tests.Unit.LeaderElection;
using BucketOperator.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace BucketOperator.Kubernetes.Tests.Integration;

/// <summary>
/// Two candidates in one process on the real API server, with short timings and the system clock. Times
/// are wall-clock readings of this one process, so they compare with each other; the takeover times are
/// printed for the record.
/// </summary>
public sealed class LeaderElectionTests(ControlPlaneFixture fixture, ITestOutputHelper output) : NamespacedTest(fixture)
{
    private const string LeaseName = "operator-lock";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <summary>Short enough to expire during a test; a renew deadline of 4 s so a loaded CI machine does not make the leader step down before the cut.</summary>
    private static readonly LeaderElectionTimings Short = new(TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(4), TimeSpan.FromMilliseconds(500));

    /// <summary>
    /// For tests that need the leader to keep its lease: on two loaded cores a 2 s renew deadline can rightly be
    /// missed (the leader then steps down, as it must), which is not what those tests are about.
    /// </summary>
    private static readonly LeaderElectionTimings Steady = new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(500));

    [Fact]
    public async Task TwoCandidates_ExactlyOneLeads()
    {
        using var a = Candidate(Client, "a", Steady);
        using var b = Candidate(Client, "b", Steady);
        a.Start();
        b.Start();

        await Task.WhenAny(a.Work.Started, b.Work.Started);
        for (var i = 0; i < 10; i++)
        {
            var leader = Assert.Single([a, b], c => c.Elector.IsLeader);
            Assert.Equal(leader.Elector.Identity, (await ReadLeaseAsync()).Spec!.HolderIdentity);
            Assert.Single([a, b], c => c.Work.StartedAt is not null);
            await Task.Delay(Steady.RetryPeriod);
        }

        await Task.WhenAll(a.StopAsync(), b.StopAsync());
    }

    [Fact]
    public async Task LeaderCutOff_OtherTakesOverOnlyAfterLeaseExpires_AfterOldLeaderStopped()
    {
        var cutOff = new SwitchableLeaseClient(Client);
        var (a, b) = await LeaderAndFollowerAsync(cutOff, Short);
        using (a)
        using (b)
        {
            var cutAt = TimeProvider.System.GetUtcNow();
            cutOff.FailLeaseWrites = true;
            await a.Run.WaitAsync(Wait);
            await b.Work.Started;

            var lastRenewal = cutOff.LastLeaseWriteStartedAt;
            output.WriteLine($"cut-off leader: last renewal started {Seconds(lastRenewal - cutAt)} s relative to the cut; "
                + $"its work cancelled {Seconds(a.Work.CancelledAt - lastRenewal)} s after that renewal (renew deadline {Short.RenewDeadline.TotalSeconds} s); "
                + $"new leader started {Seconds(b.Work.StartedAt - lastRenewal)} s after it and {Seconds(b.Work.StartedAt - cutAt)} s after the cut (lease {Short.LeaseDuration.TotalSeconds} s)");
            Assert.True(a.Work.CancelledAt < b.Work.StartedAt, "the old leader's work was still running when the new leader started");
            Assert.True(b.Work.StartedAt - lastRenewal >= Short.LeaseDuration, "the new leader took over before the lease expired");
            Assert.False(a.Elector.IsLeader);
            var lease = await ReadLeaseAsync();
            Assert.Equal(("b", 1), (lease.Spec!.HolderIdentity, lease.Spec.LeaseTransitions));
            await b.StopAsync();
        }
    }

    [Fact]
    public async Task LeaderCancelled_ReleasesLease_OtherTakesOverWellBeforeExpiry()
    {
        // A long lease and a fast retry: a takeover by expiry could not come sooner than 10 s.
        var timings = Steady;
        var (a, b) = await LeaderAndFollowerAsync(Client, timings);
        using (a)
        using (b)
        {
            var cancelledAt = TimeProvider.System.GetUtcNow();
            await a.StopAsync();
            var releasedAt = TimeProvider.System.GetUtcNow();
            await b.Work.Started;

            output.WriteLine($"released lease: new leader started {Seconds(b.Work.StartedAt - releasedAt)} s after the release "
                + $"and {Seconds(b.Work.StartedAt - cancelledAt)} s after the old leader was cancelled (lease {timings.LeaseDuration.TotalSeconds} s, retry {timings.RetryPeriod.TotalSeconds} s)");
            Assert.True(a.Work.StoppedAt <= releasedAt);
            Assert.True(b.Work.StartedAt - cancelledAt < timings.LeaseDuration, "the new leader waited for the lease to expire: it was not released");
            var lease = await ReadLeaseAsync();
            Assert.Equal(("b", 1, 10), (lease.Spec!.HolderIdentity, lease.Spec.LeaseTransitions, lease.Spec.LeaseDurationSeconds));
            await b.StopAsync();
        }
    }

    /// <summary>Candidate "a" (through <paramref name="leaderClient"/>) leads, and candidate "b" has seen it do so.</summary>
    private async Task<(Participant Leader, Participant Follower)> LeaderAndFollowerAsync(IKubernetesClient leaderClient, LeaderElectionTimings timings)
    {
        var a = Candidate(leaderClient, "a", timings);
        var b = Candidate(Client, "b", timings);
        a.Start();
        await a.Work.Started;
        b.Start();
        await Eventually.TrueAsync(() => Task.FromResult(b.Elector.CurrentLeader == "a"), "b sees a as the leader");
        return (a, b);
    }

    private static string Seconds(TimeSpan? span) => span is { } s ? s.TotalSeconds.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) : "never";

    private async Task<V1Lease> ReadLeaseAsync() =>
        await Client.GetAsync<V1Lease>(LeaseName, Namespace) ?? throw new InvalidOperationException("no lease");

    private Participant Candidate(IKubernetesClient client, string identity, LeaderElectionTimings timings)
    {
        var options = new LeaderElectionOptions
        {
            LeaseName = LeaseName,
            LeaseNamespace = Namespace,
            Identity = identity,
            LeaseDuration = timings.LeaseDuration,
            RenewDeadline = timings.RenewDeadline,
            RetryPeriod = timings.RetryPeriod,
        };
        return new Participant(new LeaderElector(client, options, TimeProvider.System, NullLogger<LeaderElector>.Instance), new RecordingWork(TimeProvider.System));
    }

    private sealed record LeaderElectionTimings(TimeSpan LeaseDuration, TimeSpan RenewDeadline, TimeSpan RetryPeriod);

    /// <summary>A candidate with its own shutdown switch.</summary>
    private sealed class Participant(LeaderElector elector, RecordingWork work) : IDisposable
    {
        private readonly CancellationTokenSource _shutdown = new();

        public LeaderElector Elector => elector;

        public RecordingWork Work => work;

        public Task Run { get; private set; } = Task.CompletedTask;

        public void Start() => Run = Task.Run(() => elector.RunAsync(work.RunAsync, _shutdown.Token), CancellationToken.None);

        public async Task StopAsync()
        {
            await _shutdown.CancelAsync();
            await Run.WaitAsync(Wait);
        }

        /// <summary>Stops the candidate without waiting, so that a failed test leaves nothing campaigning.</summary>
        public void Dispose()
        {
            _shutdown.Cancel();
            _shutdown.Dispose();
        }
    }

    /// <summary>
    /// The API server as a leader cut off from it sees it: once switched, Lease writes fail before they are
    /// sent. Records when the last accepted Lease write was sent.
    /// </summary>
    private sealed class SwitchableLeaseClient(IKubernetesClient inner) : DelegatingKubernetesClient(inner)
    {
        private volatile bool _failLeaseWrites;
        private long _lastLeaseWriteStartedTicks;

        public bool FailLeaseWrites
        {
            get => _failLeaseWrites;
            set => _failLeaseWrites = value;
        }

        public DateTimeOffset LastLeaseWriteStartedAt => new(Interlocked.Read(ref _lastLeaseWriteStartedTicks), TimeSpan.Zero);

        public override Task<T> CreateAsync<T>(T obj, CancellationToken cancellationToken = default)
            => WriteAsync(obj, () => Inner.CreateAsync(obj, cancellationToken));

        public override Task<T> ReplaceAsync<T>(T obj, CancellationToken cancellationToken = default)
            => WriteAsync(obj, () => Inner.ReplaceAsync(obj, cancellationToken));

        private async Task<T> WriteAsync<T>(T obj, Func<Task<T>> write)
        {
            if (obj is not V1Lease)
            {
                return await write();
            }

            if (FailLeaseWrites)
            {
                throw new HttpRequestException("lease writes switched off by the test");
            }

            var started = TimeProvider.System.GetUtcNow();
            var written = await write();
            Interlocked.Exchange(ref _lastLeaseWriteStartedTicks, started.UtcTicks);
            return written;
        }
    }
}
