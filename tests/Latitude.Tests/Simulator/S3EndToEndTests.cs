using Amazon.S3;
using Amazon.S3.Model;
using BucketOperator.Latitude.Errors;
using BucketOperator.Latitude.Models;
using BucketOperator.Latitude.Simulator;
using BucketOperator.Latitude.Simulator.S3;
using BucketOperator.Latitude.Simulator.State;
using BucketOperator.Latitude.Tests.Client;

namespace BucketOperator.Latitude.Tests.Simulator;

/// <summary>Buckets and keys from the simulator work against a real S3 server with AWSSDK.S3.</summary>
public sealed class S3EndToEndTests
{
    [Fact]
    public async Task BucketScopedKey_PutsAndGetsObjects_ThenBucketDeletesOnlyWhenEmpty()
    {
        var (sim, client, bucket) = await StartWithBucketAsync("app-data");
        await using var disposeSim = sim;
        var key = await client.CreateAccessKeyAsync(CreateAccessKeyRequest.ForBucket(SimulatorSeed.Project, bucket, "app-data", "DAL"));
        using var s3 = S3ClientFactory.Create(new Uri(bucket.Endpoint!), key.Credentials.AccessKeyId, key.Credentials.SecretAccessKey);

        await PutAsync(s3, bucket.BucketName, "hello.txt", "hello from the operator");
        var read = await GetAsync(s3, bucket.BucketName, "hello.txt");
        var blocked = await Assert.ThrowsAsync<LatitudeApiException>(() => client.DeleteBucketAsync(bucket.Id));
        await s3.DeleteObjectAsync(bucket.BucketName, "hello.txt");

        Assert.Equal("hello from the operator", read);
        Assert.Equal(LatitudeErrorKind.BucketNotEmpty, blocked.Kind);
        Assert.True(await client.DeleteBucketAsync(bucket.Id));
    }

    [Fact]
    public async Task SeedShape_KeysOnTheBucket_WorkAgainstS3()
    {
        var (sim, _, bucket) = await StartWithBucketAsync("seed-data", ResponseShape.Seed);
        await using var disposeSim = sim;
        using var s3 = S3ClientFactory.Create(new Uri(bucket.Endpoint!), bucket.Credentials!.AccessKeyId, bucket.Credentials.SecretAccessKey);

        await PutAsync(s3, bucket.BucketName, "k", "v");

        Assert.Equal("v", await GetAsync(s3, bucket.BucketName, "k"));
    }

    [Fact]
    public async Task DeletedKey_IsRevokedOnS3()
    {
        var (sim, client, bucket) = await StartWithBucketAsync("revoked");
        await using var disposeSim = sim;
        var key = await client.CreateAccessKeyAsync(CreateAccessKeyRequest.ForBucket(SimulatorSeed.Project, bucket, "revoked", "DAL"));
        using var s3 = S3ClientFactory.Create(new Uri(bucket.Endpoint!), key.Credentials.AccessKeyId, key.Credentials.SecretAccessKey);

        await client.DeleteAccessKeyAsync(key.Key.Username, key.Key.StorageClass, SimulatorSeed.Project);

        var denied = await Assert.ThrowsAsync<AmazonS3Exception>(() => PutAsync(s3, bucket.BucketName, "k", "v"));
        Assert.Equal("InvalidAccessKeyId", denied.ErrorCode);
    }

    [Fact]
    public async Task KeyRevokedOutOfBand_IsRefusedOnS3()
    {
        var (sim, client, bucket) = await StartWithBucketAsync("revoked-in-dashboard");
        await using var disposeSim = sim;
        var key = await client.CreateAccessKeyAsync(CreateAccessKeyRequest.ForBucket(SimulatorSeed.Project, bucket, "revoked-in-dashboard", "DAL"));
        using var s3 = S3ClientFactory.Create(new Uri(bucket.Endpoint!), key.Credentials.AccessKeyId, key.Credentials.SecretAccessKey);
        await PutAsync(s3, bucket.BucketName, "before", "v");

        await sim.State.RevokeAccessKeyAsync(key.Credentials.AccessKeyId);

        var denied = await Assert.ThrowsAsync<AmazonS3Exception>(() => PutAsync(s3, bucket.BucketName, "after", "v"));
        Assert.Equal("InvalidAccessKeyId", denied.ErrorCode);
    }

    private static async Task<(LatitudeSimulator Simulator, ILatitudeClient Client, Bucket Bucket)> StartWithBucketAsync(string name, ResponseShape shape = ResponseShape.Current)
    {
        var sim = await LatitudeSimulator.StartAsync(new SimulatorOptions { S3 = new S3ServerOptions(), Shape = shape });
        var client = Clients.ForSimulator(sim).ForToken(SimulatorSeed.Token);
        return (sim, client, await client.CreateBucketAsync(new CreateBucketRequest { Project = SimulatorSeed.Project, Name = name, Region = "DAL" }));
    }

    private static Task PutAsync(IAmazonS3 s3, string bucket, string key, string content) =>
        s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = content, UseChunkEncoding = false });

    private static async Task<string> GetAsync(IAmazonS3 s3, string bucket, string key)
    {
        using var response = await s3.GetObjectAsync(bucket, key);
        using var reader = new StreamReader(response.ResponseStream);
        return await reader.ReadToEndAsync();
    }
}
