using BucketOperator.Entities;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Latitude.Models;
using BucketOperator.Latitude.Simulator;
using BucketOperator.Latitude.Simulator.State;
using BucketOperator.Operator.Tests.Support;
using BucketOperator.TestSupport;

namespace BucketOperator.Operator.Tests.EndToEnd;

/// <summary>
/// SPEC "Tenancy and fairness": a bucket one team's ObjectBucket holds is never recorded, keyed or deleted by another
/// team's, whatever path leads there. Two watched namespaces (two teams), and bucket lists without <c>created_at</c>
/// (the documented list example), so the evidence must be read from the bucket itself.
/// </summary>
public sealed class TenancyTests(ControlPlaneFixture fixture) : OperatorTest(fixture)
{
    protected override bool WatchesSecondNamespace => true;

    protected override SimulatorOptions SimulatorOptions => base.SimulatorOptions with { ListShowsCreatedAt = false };

    [Theory]
    [InlineData(SimulatorSeed.Project)]
    [InlineData(SimulatorSeed.ProjectSlug)]
    public async Task LostAnswerInB_ForABucketAHolds_IsAConflictAndTakesNothing(string projectOfB)
    {
        var a = await Admin.CreateAsync(Bucket("team-a-data", spec: s => s with { DeletionPolicy = DeletionPolicies.Delete }));
        var held = await WaitForReadyAsync("team-a-data", ReadyReasons.Available);

        // B asked for the same bucket, and its operator died before the answer came back (the intent is all that is left).
        var b = Bucket("team-b-data", inNamespace: SecondNamespace, spec: s => s with { BucketName = "team-a-data", Project = projectOfB, DeletionPolicy = DeletionPolicies.Delete });
        await StopOperatorAsync();
        await RecordIntentAsync(b, DateTimeOffset.UtcNow);
        await StartOperatorAsync();

        var conflict = await WaitForReadyAsync("team-b-data", ReadyReasons.BucketNameConflict, inNamespace: SecondNamespace);
        Assert.Contains($"{Namespace}/{a.Metadata.Name}", Ready(conflict).Message, StringComparison.Ordinal);
        Assert.Null(conflict.Status!.BucketId);
        Assert.Null(conflict.Status.CreatePending);
        Assert.DoesNotContain(Simulator.State.AccessKeys, k => k.Name.Contains(conflict.Metadata.Uid!, StringComparison.Ordinal));

        await Admin.DeleteAsync<ObjectBucket>("team-b-data", SecondNamespace);
        await Eventually.TrueAsync(async () => await Admin.GetAsync<ObjectBucket>("team-b-data", SecondNamespace) is null, "B gone");
        Assert.Contains(Simulator.State.Buckets, x => x.Id == held.Status!.BucketId);
        Assert.Equal("team-a-data", await S3FromSecret.PutAndGetAsync(await SecretValuesAsync("team-a-data"), "team-a-data"));
    }

    [Theory]
    [InlineData(SimulatorSeed.Project)]
    [InlineData(SimulatorSeed.ProjectSlug)]
    public async Task AdoptOfABucketAHolds_IsRefusedWithNoKey(string projectOfB)
    {
        var a = await Admin.CreateAsync(Bucket("shared-logs"));
        await WaitForReadyAsync("shared-logs", ReadyReasons.Available);
        var keys = Simulator.State.AccessKeys.Count;

        var b = Bucket("grab", inNamespace: SecondNamespace, spec: s => s with { BucketName = "shared-logs", Project = projectOfB });
        b.Metadata.Annotations = new Dictionary<string, string> { [ObjectBucketNames.AdoptAnnotation] = "true" };
        await Admin.CreateAsync(b);

        var refused = await WaitForReadyAsync("grab", ReadyReasons.BucketNameConflict, inNamespace: SecondNamespace);
        Assert.Contains($"{Namespace}/{a.Metadata.Name}", Ready(refused).Message, StringComparison.Ordinal);
        Assert.Null(refused.Status!.BucketId);
        Assert.Equal(keys, Simulator.State.AccessKeys.Count);
        Assert.Single(Simulator.State.Buckets);
    }

    [Fact]
    public async Task AdoptOfABucketInAnotherRegion_IsInvalidSpecBeforeAnythingIsRecorded()
    {
        await LatitudeAsUser().CreateBucketAsync(new CreateBucketRequest { Project = SimulatorSeed.Project, Name = "elsewhere", Region = "SAO2", StorageClass = "standard" });
        var wrong = Bucket("elsewhere", region: "DAL");
        wrong.Metadata.Annotations = new Dictionary<string, string> { [ObjectBucketNames.AdoptAnnotation] = "true" };
        await Admin.CreateAsync(wrong);

        var refused = await WaitForReadyAsync("elsewhere", ReadyReasons.InvalidSpec);

        Assert.Contains("SAO2", Ready(refused).Message, StringComparison.Ordinal);
        Assert.Null(refused.Status!.BucketId);
        Assert.Empty(Simulator.State.AccessKeys);
    }

    [Fact]
    public async Task AdoptedBucket_StatusReportsTheBucketAsItIs_ThenVersioningIsTurnedOn()
    {
        await LatitudeAsUser().CreateBucketAsync(new CreateBucketRequest { Project = SimulatorSeed.Project, Name = "plain", Region = "DAL", StorageClass = "standard" });
        var adopter = Bucket("plain", spec: s => s with { Versioning = true });
        adopter.Metadata.Annotations = new Dictionary<string, string> { [ObjectBucketNames.AdoptAnnotation] = "true" };
        await Admin.CreateAsync(adopter);

        var adopted = await WaitForReadyAsync("plain", ReadyReasons.Available);

        Assert.Contains(await EventsAsync("plain"), e => e.Reason == EventReasons.VersioningEnabled);
        Assert.True(adopted.Status!.Versioning);
        Assert.Equal("Enabled", await S3FromSecret.VersioningAsync(await SecretValuesAsync("plain")));
    }

    [Fact]
    public async Task ConflictWhileAnIntentIsPending_NameNotInTheProjectList_EndsTheIntent()
    {
        // Bucket names are global: another team's bucket makes our create a 409 that our project's list cannot explain.
        await LatitudeAsUser(SimulatorSeed.OtherTeamToken).CreateBucketAsync(new CreateBucketRequest { Project = "proj_other", Name = "taken-elsewhere", Region = "DAL", StorageClass = "standard" });
        await StopOperatorAsync();
        await RecordIntentAsync(Bucket("taken-elsewhere"), DateTimeOffset.UtcNow);
        await StartOperatorAsync();

        var conflict = await WaitForReadyAsync("taken-elsewhere", ReadyReasons.BucketNameConflict);

        Assert.Null(conflict.Status!.CreatePending);
        Assert.Null(conflict.Status.BucketId);
    }

    private static Kubernetes.Models.Condition Ready(ObjectBucket bucket) =>
        bucket.Status!.Conditions!.Single(c => c.Type == ObjectBucketNames.ReadyCondition);
}
