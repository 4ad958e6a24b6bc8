using BucketOperator.Entities;
using BucketOperator.Latitude.Models;
using BucketOperator.Latitude.Simulator;
using BucketOperator.Latitude.Simulator.State;
using BucketOperator.Operator.Tests.Support;
using BucketOperator.TestSupport;

namespace BucketOperator.Operator.Tests.EndToEnd;

/// <summary>
/// Bucket lists exactly as the documented example shows them (object-storage.md §3.1: name, bucket_name, storage_class,
/// source, region; no created_at, endpoint, versioning, lock or project): what the operator needs beyond that it reads
/// from the bucket's own record.
/// </summary>
public sealed class DocumentedListShapeTests(ControlPlaneFixture fixture) : OperatorTest(fixture)
{
    protected override SimulatorOptions SimulatorOptions => base.SimulatorOptions with { ListShowsOnlyDocumentedFields = true };

    [Fact]
    public async Task AdoptingALockedVersionedBucket_StatusReportsItAsItIs()
    {
        await LatitudeAsUser().CreateBucketAsync(new CreateBucketRequest
        {
            Project = SimulatorSeed.Project, Name = "locked", Region = "DAL", StorageClass = "standard", Versioning = true, Locking = true, RetentionMode = "GOVERNANCE", RetentionPeriod = 7,
        });
        var adopter = Bucket("locked", spec: s => s with { Versioning = true, ObjectLock = new ObjectLockSpec { Enabled = true, Mode = "GOVERNANCE", RetentionDays = 7 } });
        adopter.Metadata.Annotations = new Dictionary<string, string> { [ObjectBucketNames.AdoptAnnotation] = "true" };
        await Admin.CreateAsync(adopter);

        var adopted = await WaitForReadyAsync("locked", ReadyReasons.Available);

        Assert.True(adopted.Status!.Versioning);
        Assert.True(adopted.Status.ObjectLock?.Enabled);
        Assert.Equal("locked", await S3FromSecret.PutAndGetAsync(await SecretValuesAsync("locked"), "locked"));
    }

    [Fact]
    public async Task CreatedBucket_BecomesAvailableAndStaysSoThroughResyncs()
    {
        await Admin.CreateAsync(Bucket("plain-list"));

        var ready = await WaitForReadyAsync("plain-list", ReadyReasons.Available);

        Assert.NotNull(ready.Status!.Endpoint);
        Assert.Equal("plain-list", await S3FromSecret.PutAndGetAsync(await SecretValuesAsync("plain-list"), "plain-list"));
    }
}
