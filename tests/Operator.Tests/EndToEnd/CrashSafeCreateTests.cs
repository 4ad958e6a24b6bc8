using BucketOperator.Entities;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Latitude.Models;
using BucketOperator.Latitude.Simulator.State;
using BucketOperator.Operator.Tests.Support;
using BucketOperator.TestSupport;

namespace BucketOperator.Operator.Tests.EndToEnd;

/// <summary>
/// docs/design/create.md: whatever is lost between the intent, the POST, the answer and the Secret, one
/// ObjectBucket ends with exactly one bucket, working credentials and no false BucketNameConflict.
/// </summary>
public sealed class CrashSafeCreateTests(ControlPlaneFixture fixture) : OperatorTest(fixture)
{
    [Fact]
    public async Task ResponseLostAfterCommit_AdoptsItsOwnBucket()
    {
        Simulator.Faults.DropResponseAfterCommit("POST", "/storage/buckets");

        await Admin.CreateAsync(Bucket("lost-answer"));

        await AssertOneWorkingBucketAsync("lost-answer");
        Assert.Equal(1, Simulator.Requests.Count("POST", "/storage/buckets"));
    }

    [Fact]
    public async Task CommittedAfterTheClientGaveUp_ExactlyOneBucket()
    {
        // The test client's deadline is 5 s: the provider finishes the first create after the client gave up on it.
        Simulator.Faults.CommitAfter("POST", "/storage/buckets", TimeSpan.FromSeconds(7));

        await Admin.CreateAsync(Bucket("late-commit"));

        await AssertOneWorkingBucketAsync("late-commit");
        await Task.Delay(TimeSpan.FromSeconds(8));
        await WaitForReadyAsync("late-commit", ReadyReasons.Available);
        Assert.Single(Simulator.State.Buckets);
    }

    [Fact]
    public async Task CommittedLate_TheRetryRateLimited_TheEarlierCreateIsStillAdoptedAsOurs()
    {
        // The first create commits after the client gave up (5 s); the retry, before that, is refused with a 429.
        Simulator.Faults.CommitAfter("POST", "/storage/buckets", TimeSpan.FromSeconds(7));
        Simulator.Faults.RespondNext("POST", "/storage/buckets", 429, """{"errors":[{"code":"RATE_LIMIT_EXCEEDED","title":"Rate Limit Exceeded","status":"429","detail":"Too many requests. Please slow down and retry.","meta":{"retry_after":1}}]}""");

        await Admin.CreateAsync(Bucket("late-then-limited"));

        await AssertOneWorkingBucketAsync("late-then-limited");
        Assert.Single(Simulator.Requests.Entries, e => e is { Method: "POST", Status: 429 });
    }

    [Fact]
    public async Task StoppedAfterTheIntentWasRecorded_RestartCreatesOne()
    {
        await StopOperatorAsync();
        await RecordIntentAsync("intent-only", DateTimeOffset.UtcNow);

        await StartOperatorAsync();

        await AssertOneWorkingBucketAsync("intent-only");
    }

    [Fact]
    public async Task StoppedAfterTheApiAnswered_RestartAdoptsAndIssuesCredentials()
    {
        await StopOperatorAsync();
        var intent = DateTimeOffset.UtcNow;
        await RecordIntentAsync("answered", intent);
        var created = await LatitudeAsUser().CreateBucketAsync(new CreateBucketRequest { Project = SimulatorSeed.Project, Name = "answered", Region = "DAL", StorageClass = "standard" });

        await StartOperatorAsync();

        var bucket = await AssertOneWorkingBucketAsync("answered");
        Assert.Equal(created.Id, bucket.Status!.BucketId);
    }

    [Fact]
    public async Task ExistingBucketWithoutIntent_IsAConflict_UntilAdoptionIsOptedIn()
    {
        var foreign = await LatitudeAsUser().CreateBucketAsync(new CreateBucketRequest { Project = SimulatorSeed.Project, Name = "pre-existing", Region = "DAL", StorageClass = "standard" });
        await Admin.CreateAsync(Bucket("pre-existing"));
        await WaitForReadyAsync("pre-existing", ReadyReasons.BucketNameConflict);

        var adopt = $"{{\"metadata\":{{\"annotations\":{{\"{ObjectBucketNames.AdoptAnnotation}\":\"true\"}}}}}}";
        await Admin.PatchAsync<ObjectBucket>("pre-existing", Namespace, Patch.Merge(adopt));

        var adopted = await WaitForReadyAsync("pre-existing", ReadyReasons.Available);
        Assert.Equal(foreign.Id, adopted.Status!.BucketId);
        Assert.Contains(await EventsAsync("pre-existing"), e => e.Reason == EventReasons.Adopted);
    }

    private async Task<ObjectBucket> AssertOneWorkingBucketAsync(string name)
    {
        var bucket = await WaitForReadyAsync(name, ReadyReasons.Available);
        Assert.Single(Simulator.State.Buckets);
        Assert.Equal(name, await S3FromSecret.PutAndGetAsync(await SecretValuesAsync(name), name));
        Assert.DoesNotContain(await EventsAsync(name), e => e.Reason == ReadyReasons.BucketNameConflict);
        return bucket;
    }
}
