using BucketOperator.Entities;
using BucketOperator.Operator.Tests.Support;
using BucketOperator.TestSupport;

namespace BucketOperator.Operator.Tests.EndToEnd;

/// <summary>Out-of-band changes (SPEC) and deletion.</summary>
public sealed class LifecycleTests(ControlPlaneFixture fixture) : OperatorTest(fixture)
{
    [Fact]
    public async Task SecretDeletedByHand_RestoredWithWorkingCredentialsAndOldKeyDeleted()
    {
        await Admin.CreateAsync(Bucket("restored"));
        var before = await WaitForReadyAsync("restored", ReadyReasons.Available);
        var oldKey = before.Status!.AccessKeyId;

        await Admin.DeleteAsync<V1Secret>("restored", Namespace);

        await Eventually.TrueAsync(async () => (await Admin.GetAsync<V1Secret>("restored", Namespace)) is { } s && (await SecretValuesAsync("restored"))["AWS_ACCESS_KEY_ID"] != oldKey, "the Secret back with a new key");
        var values = await SecretValuesAsync("restored");
        Assert.Equal("still works", await S3FromSecret.PutAndGetAsync(values, "still works"));
        Assert.DoesNotContain(Simulator.State.AccessKeys, k => k.AccessKeyId == oldKey);
        Assert.Single(Simulator.State.AccessKeys);
        await Eventually.TrueAsync(async () => (await EventsAsync("restored")).Any(e => e.Reason == EventReasons.SecretRestored), "a SecretRestored Event");
    }

    [Fact]
    public async Task SecretEditedByHand_Repaired()
    {
        await Admin.CreateAsync(Bucket("edited"));
        await WaitForReadyAsync("edited", ReadyReasons.Available);
        var original = await SecretValuesAsync("edited");
        var secret = (await Admin.GetAsync<V1Secret>("edited", Namespace))!;
        secret.Data!["BUCKET_NAME"] = "somebody-elses"u8.ToArray();
        secret.Data["AWS_SECRET_ACCESS_KEY"] = "wrong"u8.ToArray();
        await Admin.ReplaceAsync(secret);

        await Eventually.TrueAsync(async () => (await SecretValuesAsync("edited"))["BUCKET_NAME"] == original["BUCKET_NAME"], "BUCKET_NAME rewritten");
        var repaired = await SecretValuesAsync("edited");
        Assert.Equal("repaired", await S3FromSecret.PutAndGetAsync(repaired, "repaired"));
    }

    [Fact]
    public async Task BucketDeletedInLatitude_BucketMissingThenAvailableAgain()
    {
        ResyncPeriod = TimeSpan.FromSeconds(2);
        await StopOperatorAsync();
        await StartOperatorAsync();
        await Admin.CreateAsync(Bucket("vanishing"));
        var first = await WaitForReadyAsync("vanishing", ReadyReasons.Available);

        // Deleted through the API, as a person with the Latitude dashboard or CLI would (the S3 side goes too).
        Assert.True(await LatitudeAsUser().DeleteBucketAsync(first.Status!.BucketId!));

        await Eventually.TrueAsync(async () => (await EventsAsync("vanishing")).Any(e => e.Type == "Warning" && e.Reason == EventReasons.BucketMissing), "a BucketMissing Event", TimeSpan.FromSeconds(60));
        await Eventually.TrueAsync(async () => (await Admin.GetAsync<ObjectBucket>("vanishing", Namespace))!.Status?.BucketId is { } id && id != first.Status.BucketId, "a new bucket");
        var again = await WaitForReadyAsync("vanishing", ReadyReasons.Available);
        var values = await SecretValuesAsync("vanishing");
        Assert.Equal(again.Status!.BucketId, values["LATITUDE_BUCKET_ID"]);
        // New credentials, as SPEC says, even where the old key still opened the new bucket (s3rver takes any key).
        Assert.NotEqual(first.Status.AccessKeyId, values["AWS_ACCESS_KEY_ID"]);
        Assert.Equal("again", await S3FromSecret.PutAndGetAsync(values, "again"));
        Assert.Single(Simulator.State.Buckets);
    }

    [Fact]
    public async Task Deleted_WithRetain_BucketKeptAndItsKeysRevoked()
    {
        await Admin.CreateAsync(Bucket("kept"));
        await WaitForReadyAsync("kept", ReadyReasons.Available);
        Assert.Single(Simulator.State.AccessKeys);

        await Admin.DeleteAsync<ObjectBucket>("kept", Namespace);

        await Eventually.TrueAsync(async () => await Admin.GetAsync<ObjectBucket>("kept", Namespace) is null, "the ObjectBucket gone");
        Assert.Single(Simulator.State.Buckets);
        Assert.Empty(Simulator.State.AccessKeys);
        Assert.Contains(await EventsAsync("kept"), e => e.Reason == EventReasons.Retained);
    }

    [Fact]
    public async Task Deleted_WithRetainAndRetainCredentials_BucketAndKeyKept()
    {
        var bucket = Bucket("kept-keys");
        bucket.Metadata.Annotations = new Dictionary<string, string> { [ObjectBucketNames.RetainCredentialsAnnotation] = "true" };
        await Admin.CreateAsync(bucket);
        await WaitForReadyAsync("kept-keys", ReadyReasons.Available);

        await Admin.DeleteAsync<ObjectBucket>("kept-keys", Namespace);

        await Eventually.TrueAsync(async () => await Admin.GetAsync<ObjectBucket>("kept-keys", Namespace) is null, "the ObjectBucket gone");
        Assert.Single(Simulator.State.Buckets);
        Assert.Single(Simulator.State.AccessKeys);
    }

    [Fact]
    public async Task Deleted_WithDelete_BucketAndKeysGone()
    {
        await Admin.CreateAsync(Bucket("doomed", spec: s => s with { DeletionPolicy = DeletionPolicies.Delete }));
        await WaitForReadyAsync("doomed", ReadyReasons.Available);

        await Admin.DeleteAsync<ObjectBucket>("doomed", Namespace);

        await Eventually.TrueAsync(async () => await Admin.GetAsync<ObjectBucket>("doomed", Namespace) is null, "the ObjectBucket gone");
        Assert.Empty(Simulator.State.Buckets);
        Assert.Empty(Simulator.State.AccessKeys);
    }

    [Fact]
    public async Task Deleted_BucketAlreadyGone_404CountsAsDeleted()
    {
        await Admin.CreateAsync(Bucket("ghost", spec: s => s with { DeletionPolicy = DeletionPolicies.Delete }));
        var ready = await WaitForReadyAsync("ghost", ReadyReasons.Available);
        Simulator.State.RemoveBucket(ready.Status!.BucketId!);

        await Admin.DeleteAsync<ObjectBucket>("ghost", Namespace);

        await Eventually.TrueAsync(async () => await Admin.GetAsync<ObjectBucket>("ghost", Namespace) is null, "the ObjectBucket gone");
    }

    [Fact]
    public async Task Deleted_BucketNotEmpty_DeletionBlockedUntilEmptied()
    {
        await Admin.CreateAsync(Bucket("full", spec: s => s with { DeletionPolicy = DeletionPolicies.Delete }));
        var ready = await WaitForReadyAsync("full", ReadyReasons.Available);
        Simulator.State.SetObjectCount(ready.Status!.BucketId!, 3);

        await Admin.DeleteAsync<ObjectBucket>("full", Namespace);

        await WaitForReadyAsync("full", ReadyReasons.DeletionBlocked);
        Simulator.State.SetObjectCount(ready.Status.BucketId!, 0);
        await Eventually.TrueAsync(async () => await Admin.GetAsync<ObjectBucket>("full", Namespace) is null, "the ObjectBucket gone once emptied");
        Assert.Empty(Simulator.State.Buckets);
    }

    [Fact]
    public async Task Deleted_CreateNeverSucceeded_LeavesWithoutApiCalls()
    {
        // No slow retry during the test: once settled, nothing is in flight and no create intent is pending.
        TerminalRetry = TimeSpan.FromMinutes(10);
        await StopOperatorAsync();
        await StartOperatorAsync();
        await Admin.CreateAsync(Bucket("invalid-region", "ZZZ", s => s with { DeletionPolicy = DeletionPolicies.Delete }));
        await WaitForReadyAsync("invalid-region", ReadyReasons.InvalidRegion);
        await Eventually.TrueAsync(async () => (await Admin.GetAsync<ObjectBucket>("invalid-region", Namespace))!.Status?.CreatePending is null, "no create pending");

        await Admin.DeleteAsync<ObjectBucket>("invalid-region", Namespace);

        await Eventually.TrueAsync(async () => await Admin.GetAsync<ObjectBucket>("invalid-region", Namespace) is null, "the ObjectBucket gone");
        Assert.DoesNotContain(Simulator.Requests.Entries, e => e.Method == "DELETE" || e.Path.StartsWith("/storage/access_keys", StringComparison.Ordinal));
    }
}
