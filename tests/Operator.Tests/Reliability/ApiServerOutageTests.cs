using System.Diagnostics;
using System.Net;
using BucketOperator.Operator.Tests.Support;
using BucketOperator.TestSupport;
using Xunit.Abstractions;

namespace BucketOperator.Operator.Tests.Reliability;

/// <summary>
/// docs/reliability.md "API server outage": the control plane goes away mid-batch and comes back; the operator
/// rides it out in the same process and ends with one bucket and working credentials per object.
/// </summary>
[Collection(ControlPlaneOutageCollection.Name)]
public sealed class ApiServerOutageTests(ControlPlaneFixture fixture, ITestOutputHelper output) : ProcessOperatorTest(fixture)
{
    private const int Objects = 50;

    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ApiServerAndEtcdDownMidBatch_EveryObjectConvergesInTheSameProcess()
    {
        var world = new BucketWorld(Admin, Simulator, Namespace);
        var process = await StartProcessAsync(leaderElect: false);
        await WaitUntilReadyAsync(process);
        var names = Enumerable.Range(0, Objects).Select(i => $"outage-{i:00}").ToList();

        var applied = Stopwatch.GetTimestamp();
        await Task.WhenAll(names.Select(name => Admin.CreateAsync(Bucket(name))));
        // Mid-batch: a fifth of the buckets are being created, the rest are still to come.
        await Simulator.Requests.WaitForAsync("POST", "/storage/buckets", Objects / 5, TimeSpan.FromMinutes(1));
        Plane.KillApiServer(withEtcd: true);
        var callsBefore = LatitudeCalls();
        var bucketsBefore = Simulator.State.Buckets.Count;
        await Task.Delay(Outage);
        var callsDuring = LatitudeCalls() - callsBefore;
        var restarting = Stopwatch.GetTimestamp();
        await Plane.StartApiServerAsync();
        var restart = Stopwatch.GetElapsedTime(restarting);

        var converged = await world.WaitForAsync(names, TimeSpan.FromMinutes(3), diagnostics: () => string.Join('\n', process.Output.TakeLast(30)));
        var total = Stopwatch.GetElapsedTime(applied);

        // The same process throughout: it never exited, and it is healthy.
        Assert.False(process.HasExited, $"the operator exited:\n{string.Join('\n', process.Output.TakeLast(30))}");
        Assert.Equal(HttpStatusCode.OK, await process.ProbeAsync("/healthz"));
        await world.AssertSoundAsync(names);
        output.WriteLine(
            $"{Objects} objects; API server and etcd killed after {bucketsBefore} buckets existed, down {Outage.TotalSeconds:0} s, ready again {restart.TotalSeconds:0.0} s after the restart began; "
            + $"Latitude calls: {LatitudeCalls()} in all ({Simulator.Requests.Count("POST", "/storage/buckets")} bucket POSTs, {callsDuring} during the outage); "
            + $"API server ready → all Available {converged.TotalSeconds:0.0} s; apply → all Available {total.TotalSeconds:0.0} s; operator PID {process.Id} never exited");
    }
}
