using BucketOperator.Entities;
using BucketOperator.Operator.Tests.Support;
using BucketOperator.TestSupport;
using Xunit.Abstractions;

namespace BucketOperator.Operator.Tests.EndToEnd;

/// <summary>
/// SPEC "Quota is shared fairly": an unchanged object in a terminal state is retried at most every 5 min, and a retry
/// that ends in the same state writes nothing; resyncs in between cost no Latitude write and no Kubernetes write.
/// </summary>
public sealed class TerminalStateCostTests(ControlPlaneFixture fixture, ITestOutputHelper output) : OperatorTest(fixture)
{
    [Fact]
    public async Task HundredObjectsInTerminalStates_CostNothingThroughSeveralResyncs()
    {
        const int objects = 100;
        TerminalRetry = TimeSpan.FromMinutes(5);
        ResyncPeriod = TimeSpan.FromSeconds(3);
        await StopOperatorAsync();
        await StartOperatorAsync();
        for (var i = 0; i < objects; i++)
        {
            // Not a site Latitude knows: 404 INVALID_REGION, terminal.
            await Admin.CreateAsync(Bucket($"nowhere-{i}", region: "ZZZ"));
        }

        for (var i = 0; i < objects; i++)
        {
            await WaitForReadyAsync($"nowhere-{i}", ReadyReasons.InvalidRegion, TimeSpan.FromSeconds(120));
        }

        var before = await KubernetesStateAsync();
        var calls = Simulator.Requests.Entries.Count;
        await Task.Delay(ResyncPeriod * 3.5);

        Assert.Equal(before, await KubernetesStateAsync());
        Assert.Equal(0, Simulator.Requests.Entries.Skip(calls).Count(e => e.Method == "POST"));
        output.WriteLine($"{objects} terminal objects over 3.5 resyncs: 0 Kubernetes writes, {Simulator.Requests.Entries.Count - calls} Latitude calls");
    }

}
