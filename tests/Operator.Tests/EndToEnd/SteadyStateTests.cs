using BucketOperator.Entities;
using BucketOperator.Operator.Tests.Support;
using BucketOperator.TestSupport;
using Xunit.Abstractions;

namespace BucketOperator.Operator.Tests.EndToEnd;

/// <summary>SPEC "Safety rules": an unchanged resource causes no writes; drift checks cost one list per (token, project) per resync.</summary>
public sealed class SteadyStateTests(ControlPlaneFixture fixture, ITestOutputHelper output) : OperatorTest(fixture)
{
    private const int Objects = 5;
    private static readonly TimeSpan Resync = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task AvailableObjectsThroughSeveralResyncs_NoWritesAndOneListPerResync()
    {
        ResyncPeriod = Resync;
        await StopOperatorAsync();
        var applied = DateTime.UtcNow;
        await StartOperatorAsync();
        for (var i = 0; i < Objects; i++)
        {
            await Admin.CreateAsync(Bucket($"steady-{i}"));
        }

        for (var i = 0; i < Objects; i++)
        {
            await WaitForReadyAsync($"steady-{i}", ReadyReasons.Available);
        }

        var toReady = DateTime.UtcNow - applied;
        var creation = Simulator.Requests.Entries.ToList();
        await Task.Delay(Resync);
        var before = await KubernetesStateAsync();
        var calls = Simulator.Requests.Entries.Count;

        await Task.Delay(Resync * 3.5);

        var after = await KubernetesStateAsync();
        var steady = Simulator.Requests.Entries.Skip(calls).ToList();
        Assert.Equal(before, after);
        Assert.DoesNotContain(steady, e => e.Method != "GET");
        var lists = steady.Count(e => e.Path == "/storage/buckets");
        var keyLists = steady.Count(e => e.Path == "/storage/access_keys");
        Assert.InRange(lists, 3, 4);
        // SPEC "Revoked keys are noticed": one access-key list per (token, project) per resync besides the bucket list.
        Assert.Equal(lists, keyLists);
        Assert.Equal(lists + keyLists, steady.Count);
        output.WriteLine($"{Objects} objects: apply → all Available {toReady.TotalSeconds:0.0} s; creation used {creation.Count(e => e.Method == "GET")} Latitude reads and {creation.Count(e => e.Method != "GET")} writes; " +
            $"steady state over 3.5 resyncs: {steady.Count} Latitude calls ({lists} bucket lists, {keyLists} key lists), 0 writes, 0 Kubernetes writes");
    }
}
