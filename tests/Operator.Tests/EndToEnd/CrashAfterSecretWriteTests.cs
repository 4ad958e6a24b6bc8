using BucketOperator.Entities;
using BucketOperator.Latitude.Models;
using BucketOperator.Latitude.Simulator;
using BucketOperator.Latitude.Simulator.State;
using BucketOperator.Operator.Storage;
using BucketOperator.Operator.Tests.Support;
using BucketOperator.TestSupport;

namespace BucketOperator.Operator.Tests.EndToEnd;

/// <summary>
/// The seed API shape returns the keys with the bucket; the operator writes them to the Secret before status.
/// Stopped between the two, it must adopt its bucket and keep those keys (the API will not show them again).
/// </summary>
public sealed class CrashAfterSecretWriteTests(ControlPlaneFixture fixture) : OperatorTest(fixture)
{
    protected override ResponseShape Shape => ResponseShape.Seed;

    [Fact]
    public async Task StoppedAfterTheSecretWrite_RestartAdoptsAndKeepsTheKeys()
    {
        await StopOperatorAsync();
        var intent = DateTimeOffset.UtcNow;
        var bucket = await RecordIntentAsync("keys-first", intent);
        var created = await LatitudeAsUser().CreateBucketAsync(new CreateBucketRequest { Project = SimulatorSeed.Project, Name = "keys-first", Region = "DAL", StorageClass = "standard" });
        var keys = created.Credentials!;
        var details = new ConnectionDetails(created.Id, created.BucketName, new Uri(created.Endpoint!), "DAL");
        await Admin.CreateAsync(ConnectionSecret.Build(bucket, "keys-first", details, keys.AccessKeyId, keys.SecretAccessKey));

        await StartOperatorAsync();

        var ready = await WaitForReadyAsync("keys-first", ReadyReasons.Available);
        Assert.Equal(created.Id, ready.Status!.BucketId);
        Assert.Equal(keys.AccessKeyId, ready.Status.AccessKeyId);
        Assert.Equal(keys.AccessKeyId, (await SecretValuesAsync("keys-first"))["AWS_ACCESS_KEY_ID"]);
        Assert.Single(Simulator.State.Buckets);
        Assert.Empty(Simulator.State.AccessKeys);
        Assert.Equal("kept", await S3FromSecret.PutAndGetAsync(await SecretValuesAsync("keys-first"), "kept"));
    }
}
