using BucketOperator.Entities;
using BucketOperator.Latitude.Models;
using BucketOperator.Latitude.Simulator.State;
using BucketOperator.Operator.Tests.Support;
using BucketOperator.TestSupport;

namespace BucketOperator.Operator.Tests.EndToEnd;

/// <summary>SPEC "Lifecycle rules": spec.lifecycleRules is the whole truth for the bucket's Latitude rules.</summary>
public sealed class LifecycleRuleTests(ControlPlaneFixture fixture) : OperatorTest(fixture)
{
    private static readonly TimeSpan Resync = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task TwoRules_AppliedWithTheirIdsInStatus()
    {
        await Admin.CreateAsync(Bucket("logs", spec: s => s with { LifecycleRules = [Rule("expire-logs", 30, prefix: "logs/", noncurrent: 7), Rule("abort-uploads", 365, abort: 2)] }));

        var ready = await WaitForReadyAsync("logs", ReadyReasons.Available);

        var held = Simulator.State.LifecycleRules.Of(ready.Status!.BucketId!);
        Assert.Equal(
            [("expire-logs", true, "logs/", 30, (int?)7, (int?)null), ("abort-uploads", true, null, 365, null, 2)],
            held.Select(r => (r.Name, r.Enabled, r.Prefix, r.ExpirationDays, r.NoncurrentDays, r.AbortMpuDaysAfterInitiation)));
        Assert.Equal(held.Select(r => (r.Name, r.Id)), ready.Status.LifecycleRules!.Select(r => (r.Name, r.Id)));
        Assert.Contains(await EventsAsync("logs"), e => e.Reason == EventReasons.LifecycleRulesApplied && e.Type == "Normal");
    }

    [Fact]
    public async Task RuleChangedAndRuleRemoved_UpdatedInPlaceAndDeleted()
    {
        await Admin.CreateAsync(Bucket("tidy", spec: s => s with { LifecycleRules = [Rule("keep", 30), Rule("drop", 10)] }));
        var before = await WaitForReadyAsync("tidy", ReadyReasons.Available);
        var keepId = before.Status!.LifecycleRules!.Single(r => r.Name == "keep").Id;

        await PatchSpecAsync("tidy", """{"lifecycleRules":[{"name":"keep","expirationDays":60,"enabled":false}]}""");

        var after = await WaitForReadyAsync("tidy", ReadyReasons.Available);
        var held = Assert.Single(Simulator.State.LifecycleRules.Of(after.Status!.BucketId!));
        Assert.Equal((keepId, "keep", 60, false), (held.Id, held.Name, held.ExpirationDays, held.Enabled));
        Assert.Equal([("keep", keepId)], after.Status.LifecycleRules!.Select(r => (r.Name, r.Id)));
        Assert.Equal(1, Simulator.Requests.Count("DELETE", "/storage/buckets/*"));
    }

    [Fact]
    public async Task RulesMadeOrEditedOutsideKubernetes_PutBackAtTheNextResync()
    {
        await RestartWithResyncAsync();
        await Admin.CreateAsync(Bucket("drift", spec: s => s with { LifecycleRules = [Rule("only", 30)] }));
        var ready = await WaitForReadyAsync("drift", ReadyReasons.Available);
        var bucketId = ready.Status!.BucketId!;
        var only = Simulator.State.LifecycleRules.Of(bucketId).Single();

        var outside = await LatitudeAsUser().CreateLifecycleRuleAsync(bucketId, new LifecycleRuleRequest { Name = "made-by-hand", ExpirationDays = 1 });
        Simulator.State.LifecycleRules.Put(only with { ExpirationDays = 2 });

        await Eventually.TrueAsync(
            () => Task.FromResult(Simulator.State.LifecycleRules.Of(bucketId) is [{ Name: "only", ExpirationDays: 30 } rule] && rule.Id == only.Id),
            "the hand-made rule deleted and the edited one put back",
            TimeSpan.FromSeconds(30));
        Assert.Null(Simulator.State.LifecycleRules.Find(bucketId, outside.Id));
        var after = await WaitForReadyAsync("drift", ReadyReasons.Available);
        Assert.Equal([("only", only.Id)], after.Status!.LifecycleRules!.Select(r => (r.Name, r.Id)));
    }

    [Fact]
    public async Task RuleRefusedByLatitude_LifecycleRuleRejectedNamingIt_ThenAppliedOnceAccepted()
    {
        await Admin.CreateAsync(Bucket("refused", spec: s => s with { LifecycleRules = [Rule("fine", 30)] }));
        var ready = await WaitForReadyAsync("refused", ReadyReasons.Available);
        var rules = $"/storage/buckets/{ready.Status!.BucketId}/lifecycle_rules";
        Simulator.Faults.AlwaysRespond("POST", rules, 422);

        await PatchSpecAsync("refused", """{"lifecycleRules":[{"name":"fine","expirationDays":30},{"name":"picky","expirationDays":5}]}""");

        var rejected = await WaitForReadyAsync("refused", ReadyReasons.LifecycleRuleRejected);
        var condition = rejected.Status!.Conditions!.Single(c => c.Type == ObjectBucketNames.ReadyCondition);
        Assert.Equal("False", condition.Status);
        Assert.Contains("'picky'", condition.Message, StringComparison.Ordinal);
        Assert.Contains("expiration_days must be greater than 0", condition.Message, StringComparison.Ordinal);
        Assert.Equal(["fine"], rejected.Status.LifecycleRules!.Select(r => r.Name));
        await Eventually.TrueAsync(async () => (await EventsAsync("refused")).Any(e => e.Reason == ReadyReasons.LifecycleRuleRejected && e.Type == "Warning"), "a Warning Event LifecycleRuleRejected");

        Simulator.Faults.StopAlwaysRespond("POST", rules);

        var applied = await WaitForReadyAsync("refused", ReadyReasons.Available);
        Assert.Equal(["fine", "picky"], applied.Status!.LifecycleRules!.Select(r => r.Name));
        Assert.Equal(2, Simulator.State.LifecycleRules.Of(applied.Status.BucketId!).Count);
    }

    [Fact]
    public async Task CreateAnswerLostOr500_RetriedAsProviderError_OneRuleInTheEnd()
    {
        await Admin.CreateAsync(Bucket("flaky"));
        var ready = await WaitForReadyAsync("flaky", ReadyReasons.Available);
        var rules = $"/storage/buckets/{ready.Status!.BucketId}/lifecycle_rules";
        Simulator.Faults.RespondNext("POST", rules, 500);
        Simulator.Faults.DropResponseAfterCommit("POST", rules);

        await PatchSpecAsync("flaky", """{"lifecycleRules":[{"name":"expire","expirationDays":3}]}""");

        var applied = await WaitForReadyAsync("flaky", ReadyReasons.Available);
        var held = Assert.Single(Simulator.State.LifecycleRules.Of(applied.Status!.BucketId!));
        Assert.Equal([("expire", held.Id)], applied.Status.LifecycleRules!.Select(r => (r.Name, r.Id)));
        // The 500 and the lost answer; the rule the lost answer created was found by name, not created again.
        Assert.Equal(2, Simulator.Requests.Count("POST", rules));
        Assert.Contains(await EventsAsync("flaky"), e => e.Reason == ReadyReasons.ProviderError && e.Type == "Warning");
    }

    [Fact]
    public async Task BucketWithoutRules_NoLifecycleCallsThroughResyncs_WhileOneWithRulesReadsOncePerResync()
    {
        await RestartWithResyncAsync();
        await Admin.CreateAsync(Bucket("plain"));
        await Admin.CreateAsync(Bucket("ruled", spec: s => s with { LifecycleRules = [Rule("expire", 30)] }));
        await WaitForReadyAsync("plain", ReadyReasons.Available);
        var ruled = await WaitForReadyAsync("ruled", ReadyReasons.Available);
        await Task.Delay(Resync);
        var before = await KubernetesStateAsync();
        var calls = LatitudeCalls();

        await Task.Delay(Resync * 3.5);

        var steady = Simulator.Requests.Entries.Skip(calls).ToList();
        Assert.Equal(before, await KubernetesStateAsync());
        Assert.DoesNotContain(steady, e => e.Method != "GET");
        Assert.All(steady.Where(e => e.Path.Contains("/lifecycle_rules", StringComparison.Ordinal)), e => Assert.Equal($"/storage/buckets/{ruled.Status!.BucketId}/lifecycle_rules", e.Path));
        Assert.InRange(steady.Count(e => e.Path.Contains("/lifecycle_rules", StringComparison.Ordinal)), 3, 4);
        var plainId = (await Admin.GetAsync<ObjectBucket>("plain", Namespace))!.Status!.BucketId;
        Assert.DoesNotContain(Simulator.Requests.Entries, e => e.Path.StartsWith($"/storage/buckets/{plainId}/lifecycle_rules", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryRuleRemovedFromSpec_RulesDeletedAndStatusCleared_ThenNoMoreCalls()
    {
        await RestartWithResyncAsync();
        await Admin.CreateAsync(Bucket("emptied", spec: s => s with { LifecycleRules = [Rule("a", 30), Rule("b", 40)] }));
        var ready = await WaitForReadyAsync("emptied", ReadyReasons.Available);

        await PatchSpecAsync("emptied", """{"lifecycleRules":null}""");

        var after = await WaitForReadyAsync("emptied", ReadyReasons.Available);
        Assert.Null(after.Status!.LifecycleRules);
        Assert.Empty(Simulator.State.LifecycleRules.Of(ready.Status!.BucketId!));
        var calls = LatitudeCalls();
        await Task.Delay(Resync * 2.5);
        Assert.DoesNotContain(Simulator.Requests.Entries.Skip(calls), e => e.Path.Contains("/lifecycle_rules", StringComparison.Ordinal));
    }

    internal static LifecycleRuleSpec Rule(string name, int days, string? prefix = null, int? noncurrent = null, int? abort = null) =>
        new() { Name = name, ExpirationDays = days, Prefix = prefix, NoncurrentDays = noncurrent, AbortIncompleteMultipartUploadDays = abort };

    private async Task RestartWithResyncAsync()
    {
        ResyncPeriod = Resync;
        await StopOperatorAsync();
        await StartOperatorAsync();
    }
}
