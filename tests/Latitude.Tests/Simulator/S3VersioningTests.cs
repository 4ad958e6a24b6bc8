using Amazon.S3;
using Amazon.S3.Model;
using BucketOperator.Latitude.Models;
using BucketOperator.Latitude.Simulator;
using BucketOperator.Latitude.Simulator.S3;
using BucketOperator.Latitude.Simulator.State;
using BucketOperator.Latitude.Tests.Client;

namespace BucketOperator.Latitude.Tests.Simulator;

/// <summary>
/// Bucket versioning over S3 (the operator's false→true path), through AWSSDK.S3 against the s3rver wrapper,
/// which answers <c>?versioning</c> itself and can be told to refuse it.
/// </summary>
public sealed class S3VersioningTests : IAsyncLifetime
{
    private LatitudeSimulator _sim = null!;
    private ILatitudeClient _client = null!;

    public async Task InitializeAsync()
    {
        _sim = await LatitudeSimulator.StartAsync(new SimulatorOptions { S3 = new S3ServerOptions() });
        _client = Clients.ForSimulator(_sim).ForToken(SimulatorSeed.Token);
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task PutBucketVersioning_Enabled_GetReturnsEnabled()
    {
        var (s3, bucket) = await BucketWithKeyAsync("turned-on");
        using var disposeS3 = s3;
        var before = await s3.GetBucketVersioningAsync(new GetBucketVersioningRequest { BucketName = bucket });

        await PutVersioningAsync(s3, bucket, VersionStatus.Enabled);
        var after = await s3.GetBucketVersioningAsync(new GetBucketVersioningRequest { BucketName = bucket });

        Assert.Equal(VersionStatus.Off, before.VersioningConfig.Status);
        Assert.Equal(VersionStatus.Enabled, after.VersioningConfig.Status);
    }

    [Fact]
    public async Task CreateBucket_WithVersioning_IsVersionedOnS3()
    {
        var created = await _client.CreateBucketAsync(new CreateBucketRequest { Project = SimulatorSeed.Project, Name = "born-versioned", Region = "DAL", Versioning = true });
        using var s3 = S3ClientFactory.Create(_sim.S3Endpoint!, S3rverBackend.AdminKey, S3rverBackend.AdminKey);

        var versioning = await s3.GetBucketVersioningAsync(new GetBucketVersioningRequest { BucketName = created.BucketName });

        Assert.Equal(VersionStatus.Enabled, versioning.VersioningConfig.Status);
    }

    [Fact]
    public async Task PutBucketVersioning_Refused_FailsWithTheS3Error_ThenWorksWhenAllowedAgain()
    {
        var (s3, bucket) = await BucketWithKeyAsync("refused");
        using var disposeS3 = s3;
        await _sim.RefuseVersioningAsync(new S3Refusal("AccessDenied", "Versioning is managed by the provider", BucketName: bucket));

        var refused = await Assert.ThrowsAsync<AmazonS3Exception>(() => PutVersioningAsync(s3, bucket, VersionStatus.Enabled));
        var whileRefused = await s3.GetBucketVersioningAsync(new GetBucketVersioningRequest { BucketName = bucket });
        await _sim.RefuseVersioningAsync(null);
        await PutVersioningAsync(s3, bucket, VersionStatus.Enabled);
        var allowed = await s3.GetBucketVersioningAsync(new GetBucketVersioningRequest { BucketName = bucket });

        Assert.Equal(("AccessDenied", 403, "Versioning is managed by the provider"), (refused.ErrorCode, (int)refused.StatusCode, refused.Message));
        Assert.Equal(VersionStatus.Off, whileRefused.VersioningConfig.Status);
        Assert.Equal(VersionStatus.Enabled, allowed.VersioningConfig.Status);
    }

    [Fact]
    public async Task GetBucketVersioning_UnknownBucket_IsNoSuchBucket()
    {
        using var s3 = S3ClientFactory.Create(_sim.S3Endpoint!, S3rverBackend.AdminKey, S3rverBackend.AdminKey);

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.GetBucketVersioningAsync(new GetBucketVersioningRequest { BucketName = "no-such-bucket" }));

        Assert.Equal("NoSuchBucket", error.ErrorCode);
    }

    private async Task<(AmazonS3Client S3, string Bucket)> BucketWithKeyAsync(string name)
    {
        var bucket = await _client.CreateBucketAsync(new CreateBucketRequest { Project = SimulatorSeed.Project, Name = name, Region = "DAL" });
        var key = await _client.CreateAccessKeyAsync(CreateAccessKeyRequest.ForBucket(SimulatorSeed.Project, bucket, name, "DAL"));
        return (S3ClientFactory.Create(new Uri(bucket.Endpoint!), key.Credentials.AccessKeyId, key.Credentials.SecretAccessKey), bucket.BucketName);
    }

    private static Task PutVersioningAsync(IAmazonS3 s3, string bucket, VersionStatus status) =>
        s3.PutBucketVersioningAsync(new PutBucketVersioningRequest { BucketName = bucket, VersioningConfig = new S3BucketVersioningConfig { Status = status } });
}
