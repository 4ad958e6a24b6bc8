using System.Diagnostics;
using BucketOperator.Entities;
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
        var live = new List<string>();

        // A gap the operator resumes from without a relist did not lose the history, and proves nothing about
        // relisting. One clean-clone CI run met such a gap (the cause is not known yet; the end state was right).
        // Such a gap is followed by another, on new objects, until one forces the relist; the end state is
        // checked after every gap either way.
        for (var gap = 1; ; gap++)
        {
            if (await LoseHistoryAsync(world, process, live, $"g{gap}-"))
            {
                break;
            }

            Assert.True(gap < 3, "three gaps in a row never made the operator relist: the scenario does not lose the watch history");
        }
    }

    /// <summary>One gap: objects made and changed, the operator frozen while they change again, etcd compacted, the API server restarted. True if the operator relisted.</summary>
    private async Task<bool> LoseHistoryAsync(BucketWorld world, OperatorProcess process, List<string> live, string prefix)
    {
        string[] versioned = [prefix + "versioned-0", prefix + "versioned-1", prefix + "versioned-2"];
        string[] deleted = [prefix + "deleted-0", prefix + "deleted-1"];
        var retainThenDeleted = prefix + "retain-then-deleted";
        var secretLost = prefix + "secret-lost";
        var untouched = prefix + "untouched";
        await Task.WhenAll(versioned.Concat([secretLost, untouched, retainThenDeleted]).Select(name => Admin.CreateAsync(Bucket(name))));
        await Task.WhenAll(deleted.Select(name => Admin.CreateAsync(Bucket(name, spec: s => s with { DeletionPolicy = DeletionPolicies.Delete }))));
        await world.WaitForAsync([.. live, .. versioned, .. deleted, retainThenDeleted, secretLost, untouched], TimeSpan.FromMinutes(1));
        var relistsBefore = await RelistsAsync(process);
        var callsBefore = LatitudeCalls();

        await process.PauseAsync();
        var paused = Stopwatch.GetTimestamp();
        string[] created = [prefix + "created-0", prefix + "created-1", prefix + "created-2", prefix + "created-3"];
        var fleeting = prefix + "fleeting";
        await Task.WhenAll(created.Select(name => Admin.CreateAsync(Bucket(name))));
        await Task.WhenAll(versioned.Select(name => PatchSpecAsync(name, """{"versioning":true}""")));
        await Task.WhenAll(deleted.Select(name => Admin.DeleteAsync<ObjectBucket>(name, Namespace)));
        await PatchSpecAsync(retainThenDeleted, $$"""{"deletionPolicy":"{{DeletionPolicies.Delete}}"}""");
        await Admin.DeleteAsync<ObjectBucket>(retainThenDeleted, Namespace);
        await Admin.CreateAsync(Bucket(fleeting, spec: s => s with { DeletionPolicy = DeletionPolicies.Delete }));
        await Admin.DeleteAsync<ObjectBucket>(fleeting, Namespace);
        await Admin.DeleteAsync<V1Secret>(secretLost, Namespace);
        // The history the operator would resume from is gone: compacted in etcd, and the API server's watch cache
        // (which would otherwise serve it) starts afresh.
        await Plane.CompactEtcdAsync();
        Plane.KillApiServer(withEtcd: false);
        await Plane.StartApiServerAsync();
        await process.ResumeAsync();
        var gapLength = Stopwatch.GetElapsedTime(paused);

        live.AddRange([.. versioned, .. created, secretLost, untouched]);
        string[] gone = [.. deleted, retainThenDeleted, fleeting];
        var converged = await world.WaitForAsync(live, TimeSpan.FromMinutes(2), gone, () => string.Join('\n', process.Output.TakeLast(30)));
        // The lost Secret's object stays Available throughout, so convergence says nothing about it: the Secret is
        // restored once the Secret informer's relist shows it missing, which may come after the objects converged.
        await Eventually.TrueAsync(async () => await Admin.GetAsync<V1Secret>(secretLost, Namespace) is not null, "the deleted Secret restored", TimeSpan.FromMinutes(1));

        Assert.False(process.HasExited);
        await world.AssertSoundAsync(live);
        foreach (var name in versioned)
        {
            Assert.Equal("Enabled", await S3FromSecret.VersioningAsync(await SecretValuesAsync(name)));
        }

        Assert.Contains(await EventsAsync(secretLost), e => e.Reason == EventReasons.SecretRestored);
        var relistsAfter = await RelistsAsync(process);
        output.WriteLine(
            $"{versioned.Length + created.Length + 2 + gone.Length} objects before and during a {gapLength.TotalSeconds:0.0} s freeze ({created.Length} created, {versioned.Length} versioning turned on, "
            + $"{gone.Length} deleted, 1 Secret deleted, etcd compacted, API server restarted); resumed → converged {converged.TotalSeconds:0.0} s; "
            + $"ObjectBucket relists {relistsBefore} → {relistsAfter}; Latitude calls after the freeze {LatitudeCalls() - callsBefore}");
        return relistsAfter > relistsBefore;
    }

    /// <summary>The operator's ObjectBucket relists; the first list counts, so the series exists from the start.</summary>
    private static async Task<double> RelistsAsync(OperatorProcess process) =>
        Assert.NotNull(PrometheusText.Value(PrometheusText.Parse(await process.ScrapeAsync()), "latitude_operator_informer_relists_total", ("resource", ObjectBucketsResource)));
}
