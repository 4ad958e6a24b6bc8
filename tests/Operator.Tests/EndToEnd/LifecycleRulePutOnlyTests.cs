using BucketOperator.Entities;
using BucketOperator.Latitude.Simulator;
using BucketOperator.Operator.Tests.Support;
using BucketOperator.TestSupport;

namespace BucketOperator.Operator.Tests.EndToEnd;

/// <summary>An API that routes only PUT for rule updates (as Latitude's S6 SDK shows): the client's fallback serves the operator.</summary>
public sealed class LifecycleRulePutOnlyTests(ControlPlaneFixture fixture) : OperatorTest(fixture)
{
    protected override SimulatorOptions SimulatorOptions => base.SimulatorOptions with { LifecycleRuleUpdates = LifecycleRuleUpdateMethods.PutOnly };

    [Fact]
    public async Task RuleChanged_UpdatedThroughPut()
    {
        await Admin.CreateAsync(Bucket("put-only", spec: s => s with { LifecycleRules = [LifecycleRuleTests.Rule("expire", 30)] }));
        var before = await WaitForReadyAsync("put-only", ReadyReasons.Available);
        var id = before.Status!.LifecycleRules!.Single().Id;

        await PatchSpecAsync("put-only", """{"lifecycleRules":[{"name":"expire","expirationDays":90,"prefix":"tmp/"}]}""");

        var after = await WaitForReadyAsync("put-only", ReadyReasons.Available);
        var held = Assert.Single(Simulator.State.LifecycleRules.Of(after.Status!.BucketId!));
        Assert.Equal((id, 90, "tmp/"), (held.Id, held.ExpirationDays, held.Prefix));
        Assert.Equal(1, Simulator.Requests.Count("PUT", "/storage/buckets/*"));
    }
}
