using System.Diagnostics;
using BucketOperator.Entities;
using BucketOperator.Kubernetes.Models.Core;
using BucketOperator.Operator.Tests.Support;
using BucketOperator.TestSupport;
using Xunit.Abstractions;

namespace BucketOperator.Operator.Tests.Reliability;

/// <summary>
/// docs/reliability.md "Watch history lost": the operator misses every event of a gap, and the history it would
/// resume from is gone (etcd compacted, the API server's watch cache restarted). It must relist and act on every
/// change of the gap: creates, spec updates, deletes, a deleted Secret.
/// </summary>
[Collection(ControlPlaneOutageCollection.Name)]
public sealed class WatchHistoryLostTests(ControlPlaneFixture fixture, ITestOutputHelper output) : ProcessOperatorTest(fixture)
{
    private const string ObjectBucketsResource = "objectbuckets.storage.latitude.sh";

    [Fact]
    public async Task OperatorFrozenWhileObjectsChange_RelistsAndActsOnEveryChange()
    {
        var world = new BucketWorld(Admin, Simulator, Namespace);
        var process = await StartProcessAsync(leaderElect: false);
        await WaitUntilReadyAsync(process);
        string[] versioned = ["versioned-0", "versioned-1", "versioned-2"];
        string[] deleted = ["deleted-0", "deleted-1"];
        const string RetainThenDeleted = "retain-then-deleted";
        const string SecretLost = "secret-lost";
        const string Untouched = "untouched";
        await Task.WhenAll(versioned.Concat([SecretLost, Untouched, RetainThenDeleted]).Select(name => Admin.CreateAsync(Bucket(name))));
        await Task.WhenAll(deleted.Select(name => Admin.CreateAsync(Bucket(name, spec: s => s with { DeletionPolicy = DeletionPolicies.Delete }))));
        await world.WaitForAsync([.. versioned, .. deleted, RetainThenDeleted, SecretLost, Untouched], TimeSpan.FromMinutes(1));
        var relistsBefore = await RelistsAsync(process);
        var callsBefore = LatitudeCalls();

        await process.PauseAsync();
        var paused = Stopwatch.GetTimestamp();
        string[] created = ["created-0", "created-1", "created-2", "created-3"];
        const string Fleeting = "fleeting";
        await Task.WhenAll(created.Select(name => Admin.CreateAsync(Bucket(name))));
        await Task.WhenAll(versioned.Select(name => PatchSpecAsync(name, """{"versioning":true}""")));
        await Task.WhenAll(deleted.Select(name => Admin.DeleteAsync<ObjectBucket>(name, Namespace)));
        await PatchSpecAsync(RetainThenDeleted, $$"""{"deletionPolicy":"{{DeletionPolicies.Delete}}"}""");
        await Admin.DeleteAsync<ObjectBucket>(RetainThenDeleted, Namespace);
        await Admin.CreateAsync(Bucket(Fleeting, spec: s => s with { DeletionPolicy = DeletionPolicies.Delete }));
        await Admin.DeleteAsync<ObjectBucket>(Fleeting, Namespace);
        await Admin.DeleteAsync<Secret>(SecretLost, Namespace);
        // The history the operator would resume from is gone: compacted in etcd, and the API server's watch cache
        // (which would otherwise serve it) starts afresh.
        await Plane.CompactEtcdAsync();
        Plane.KillApiServer(withEtcd: false);
        await Plane.StartApiServerAsync();
        await process.ResumeAsync();
        var gap = Stopwatch.GetElapsedTime(paused);

        string[] live = [.. versioned, .. created, SecretLost, Untouched];
        string[] gone = [.. deleted, RetainThenDeleted, Fleeting];
        var converged = await world.WaitForAsync(live, TimeSpan.FromMinutes(2), gone, () => string.Join('\n', process.Output.TakeLast(30)));

        Assert.False(process.HasExited);
        Assert.True(await RelistsAsync(process) > relistsBefore, "the operator never relisted: the scenario did not lose the watch history");
        await world.AssertSoundAsync(live);
        foreach (var name in versioned)
        {
            Assert.Equal("Enabled", await S3FromSecret.VersioningAsync(await SecretValuesAsync(name)));
        }

        Assert.Contains(await EventsAsync(SecretLost), e => e.Reason == EventReasons.SecretRestored);
        output.WriteLine(
            $"{live.Length + gone.Length} objects before and during a {gap.TotalSeconds:0.0} s freeze ({created.Length} created, {versioned.Length} versioning turned on, "
            + $"{gone.Length} deleted, 1 Secret deleted, etcd compacted, API server restarted); resumed → converged {converged.TotalSeconds:0.0} s; "
            + $"ObjectBucket relists {relistsBefore} → {await RelistsAsync(process)}; Latitude calls after the freeze {LatitudeCalls() - callsBefore}");
    }

    private static async Task<double> RelistsAsync(OperatorProcess process) =>
        PrometheusText.Value(PrometheusText.Parse(await process.ScrapeAsync()), "latitude_operator_informer_relists_total", ("resource", ObjectBucketsResource)) ?? 0;
}
