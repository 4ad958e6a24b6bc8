using System.Diagnostics;
using BucketOperator.ControlPlane;
using BucketOperator.Operator.Hosting;
using BucketOperator.Operator.Tests.Support;
using BucketOperator.TestSupport;
using Xunit.Abstractions;

namespace BucketOperator.Operator.Tests.Reliability;

/// <summary>
/// docs/reliability.md "Failover": two replicas with Lease-based leader election. A leader killed mid-batch is
/// replaced once its Lease expires, and the batch ends with one bucket per object; a leader that can no longer
/// renew stops acting before its Lease can expire for anyone else, and exits with 1.
/// </summary>
public sealed class FailoverTests(ControlPlaneFixture fixture, ITestOutputHelper output) : ProcessOperatorTest(fixture)
{
    [Fact]
    public async Task LeaderKilledMidBatch_StandbyTakesOver_OneBucketEach()
    {
        var world = new BucketWorld(Admin, Simulator, Namespace);
        var leader = await StartLeaderAsync();
        var standby = await StartProcessAsync(leaderElect: true);
        await WaitUntilReadyAsync(standby);
        Assert.Equal(0, await MasterStatusAsync(standby));
        var names = Enumerable.Range(0, 30).Select(i => $"failover-{i:00}").ToList();

        await Task.WhenAll(names.Select(name => Admin.CreateAsync(Bucket(name))));
        await Simulator.Requests.WaitForAsync("POST", "/storage/buckets", 10, TimeSpan.FromMinutes(1));
        await leader.KillAsync();
        var killed = Stopwatch.GetTimestamp();
        var bucketsAtKill = Simulator.State.Buckets.Count;
        await leader.WaitForExitAsync(TimeSpan.FromSeconds(10));
        await Eventually.TrueAsync(async () => await MasterStatusAsync(standby) == 1, "the standby leads", TimeSpan.FromSeconds(60));
        var takeover = Stopwatch.GetElapsedTime(killed);
        var converged = await world.WaitForAsync(names, TimeSpan.FromMinutes(2), diagnostics: () => string.Join('\n', standby.Output.TakeLast(30)));

        await world.AssertSoundAsync(names);
        output.WriteLine(
            $"{names.Count} objects; leader SIGKILLed after {bucketsAtKill} buckets existed; kill → standby leads {takeover.TotalSeconds:0.0} s (Lease 15 s, retry 2 s); "
            + $"kill → all Available {(takeover + converged).TotalSeconds:0.0} s; Latitude calls {LatitudeCalls()} ({Simulator.Requests.Count("POST", "/storage/buckets")} bucket POSTs)");
    }

    [Fact]
    public async Task LeaderCutOffFromItsLease_StopsReconcilingBeforeTheLeaseExpires()
    {
        var world = new BucketWorld(Admin, Simulator, Namespace);
        var leader = await StartLeaderAsync();
        string[] warm = ["cut-warm-0", "cut-warm-1"];
        await Task.WhenAll(warm.Select(name => Admin.CreateAsync(Bucket(name))));
        await world.WaitForAsync(warm, TimeSpan.FromMinutes(1));

        await Admin.DeleteAsync<RoleBindingReference>(LeaseAccess, Namespace);
        var cut = DateTimeOffset.UtcNow;
        // Work keeps arriving until after the leader has gone, so a leader that went on reconciling would show at Latitude.
        var arrived = new List<string>();
        DateTimeOffset exited;
        using (var stopFeeding = new CancellationTokenSource())
        {
            var feeding = FeedAsync(arrived, stopFeeding.Token);
            var exitCode = await leader.WaitForExitAsync(TimeSpan.FromSeconds(60));
            exited = DateTimeOffset.UtcNow;
            await Task.Delay(TimeSpan.FromSeconds(3));
            await stopFeeding.CancelAsync();
            await feeding;
            Assert.Equal(1, exitCode);
        }

        Assert.Contains(leader.Output, line => line.Contains("Exiting: leadership lost", StringComparison.Ordinal));
        var lease = (await Admin.GetAsync<V1Lease>(OperatorService.LeaseName, Namespace))!.Spec!;
        var lastRenew = lease.RenewTime!.Value;
        var expiry = lastRenew + TimeSpan.FromSeconds(lease.LeaseDurationSeconds!.Value);
        var lastCall = Simulator.Requests.Entries.Max(e => e.At);
        Assert.True(lastCall < expiry, $"the cut-off leader called Latitude at {lastCall:O}, after its Lease could expire ({expiry:O})");
        var provisionedByCutLeader = Simulator.State.Buckets.Count - warm.Length;

        // Access back: a new replica takes the expired Lease and finishes what arrived meanwhile.
        await ManifestInstaller.CreateAsync(Plane, [LeaseBinding()]);
        var successor = await StartProcessAsync(leaderElect: true);
        string[] all = [.. warm, .. arrived];
        var converged = await world.WaitForAsync(all, TimeSpan.FromMinutes(2), diagnostics: () => string.Join('\n', successor.Output.TakeLast(30)));
        await world.AssertSoundAsync(all);
        output.WriteLine(
            $"RoleBinding deleted {(cut - lastRenew).TotalSeconds:0.0} s after the last renewal; last renewal → last Latitude call {(lastCall - lastRenew).TotalSeconds:0.0} s "
            + $"(renew deadline 10 s, Lease 15 s); exit seen {(exited - lastRenew).TotalSeconds:0.0} s after it; {arrived.Count} objects arrived after the cut, "
            + $"{provisionedByCutLeader} provisioned before the leader stopped; successor start → all Available {converged.TotalSeconds:0.0} s (it waits for the Lease to expire)");
    }

    private async Task<OperatorProcess> StartLeaderAsync()
    {
        var leader = await StartProcessAsync(leaderElect: true);
        await WaitUntilReadyAsync(leader);
        await Eventually.TrueAsync(async () => await MasterStatusAsync(leader) == 1, "the first replica leads");
        return leader;
    }

    /// <summary>Creates an object every 300 ms until cancelled.</summary>
    private async Task FeedAsync(List<string> arrived, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var name = $"cut-{arrived.Count:00}";
            await Admin.CreateAsync(Bucket(name), CancellationToken.None);
            arrived.Add(name);
            try
            {
                await Task.Delay(300, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
