using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using BucketOperator.Latitude.Models;
using BucketOperator.Latitude.Simulator;
using BucketOperator.Latitude.Simulator.S3;
using BucketOperator.Latitude.Simulator.State;
using BucketOperator.Latitude.Tests.Client;

namespace BucketOperator.Latitude.Tests.Simulator;

/// <summary>
/// What a key may do over real S3 (AWSSDK.S3 against s3rver behind the simulator's permission front): its
/// buckets only, and with a readonly permission only reads.
/// </summary>
public sealed class S3PermissionTests : IAsyncLifetime
{
    private LatitudeSimulator _sim = null!;
    private ILatitudeClient _client = null!;
    private Bucket _logs = null!;
    private Bucket _assets = null!;

    public async Task InitializeAsync()
    {
        _sim = await LatitudeSimulator.StartAsync(new SimulatorOptions { S3 = new S3ServerOptions() });
        _client = Clients.ForSimulator(_sim).ForToken(SimulatorSeed.Token);
        _logs = await CreateBucketAsync("perm-logs");
        _assets = await CreateBucketAsync("perm-assets");
        using var admin = S3ClientFactory.Create(_sim.S3Endpoint!, S3rverBackend.AdminKey, S3rverBackend.AdminKey);
        await PutAsync(admin, _logs.BucketName, "seeded.txt");
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task ReadOnlyKey_ListsAndReads_ButIsRefusedAPut()
    {
        using var s3 = await KeyAsync("reader", BucketPermission.ReadOnlyOn(_logs.Id));

        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _logs.BucketName, MaxKeys = 1 });
        using var read = await s3.GetObjectAsync(_logs.BucketName, "seeded.txt");
        var put = await Assert.ThrowsAsync<AmazonS3Exception>(() => PutAsync(s3, _logs.BucketName, "written.txt"));
        var delete = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.DeleteObjectAsync(_logs.BucketName, "seeded.txt"));

        Assert.Equal(["seeded.txt"], listed.S3Objects.Select(o => o.Key));
        Assert.Equal(HttpStatusCode.OK, read.HttpStatusCode);
        Assert.Equal(("AccessDenied", HttpStatusCode.Forbidden), (put.ErrorCode, put.StatusCode));
        Assert.Contains("may only read bucket perm-logs", put.Message, StringComparison.Ordinal);
        Assert.Equal("AccessDenied", delete.ErrorCode);
        Assert.Equal(["seeded.txt"], await KeysAsync(_logs.BucketName));
    }

    [Fact]
    public async Task KeyToSeveralBuckets_WritesWhereRw_OnlyReadsWhereReadonly_AndReachesNoOther()
    {
        var third = await CreateBucketAsync("perm-third");
        using var s3 = await KeyAsync("mixed", BucketPermission.ReadOnlyOn(_logs.Id), BucketPermission.ReadWriteOn(_assets.Id));

        await PutAsync(s3, _assets.BucketName, "logo.png");
        var readonlyPut = await Assert.ThrowsAsync<AmazonS3Exception>(() => PutAsync(s3, _logs.BucketName, "x"));
        var otherList = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = third.BucketName }));
        var otherHead = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.GetObjectMetadataAsync(_logs.BucketName + "-nope", "k"));

        Assert.Equal(["logo.png"], await KeysAsync(_assets.BucketName));
        Assert.Equal("AccessDenied", readonlyPut.ErrorCode);
        Assert.Equal(("AccessDenied", HttpStatusCode.Forbidden), (otherList.ErrorCode, otherList.StatusCode));
        Assert.Equal(HttpStatusCode.Forbidden, otherHead.StatusCode);
    }

    [Fact]
    public async Task BucketScopedRwKey_IsRefusedAnotherBucket()
    {
        var key = await _client.CreateAccessKeyAsync(CreateAccessKeyRequest.ForBucket(SimulatorSeed.Project, _assets, "assets-only", "DAL"));
        using var s3 = S3ClientFactory.Create(new Uri(_assets.Endpoint!), key.Credentials.AccessKeyId, key.Credentials.SecretAccessKey);

        await PutAsync(s3, _assets.BucketName, "mine.txt");
        var denied = await Assert.ThrowsAsync<AmazonS3Exception>(() => PutAsync(s3, _logs.BucketName, "theirs.txt"));
        var listAll = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.ListBucketsAsync());

        Assert.Equal("AccessDenied", denied.ErrorCode);
        Assert.Contains("has no permission on bucket perm-logs", denied.Message, StringComparison.Ordinal);
        Assert.Equal("AccessDenied", listAll.ErrorCode);
        Assert.Equal(["seeded.txt"], await KeysAsync(_logs.BucketName));
    }

    [Fact]
    public async Task FullAccessKey_ReachesEveryBucketOfItsProject_AndNoneOfAnother()
    {
        var elsewhere = await CreateBucketAsync("perm-second", "proj_second");
        var key = await _client.CreateAccessKeyAsync(new CreateAccessKeyRequest
        {
            Project = SimulatorSeed.Project, StorageClass = StorageClasses.Standard, Name = "everything", AccessScope = AccessScopes.Full, Region = "DAL",
        });
        using var s3 = S3ClientFactory.Create(_sim.S3Endpoint!, key.Credentials.AccessKeyId, key.Credentials.SecretAccessKey);

        await PutAsync(s3, _logs.BucketName, "a");
        await PutAsync(s3, _assets.BucketName, "b");
        var denied = await Assert.ThrowsAsync<AmazonS3Exception>(() => PutAsync(s3, elsewhere.BucketName, "c"));

        Assert.Equal("AccessDenied", denied.ErrorCode);
        Assert.Empty(await KeysAsync(elsewhere.BucketName));
        Assert.Contains("a", await KeysAsync(_logs.BucketName));
    }

    [Fact]
    public async Task UnknownOrDeletedKey_IsInvalidAccessKeyId()
    {
        using var unknown = S3ClientFactory.Create(_sim.S3Endpoint!, "AKIANEVERISSUED00000", "secret");
        var key = await _client.CreateAccessKeyAsync(CreateAccessKeyRequest.ForBucket(SimulatorSeed.Project, _logs, "soon-deleted", "DAL"));
        using var deleted = S3ClientFactory.Create(_sim.S3Endpoint!, key.Credentials.AccessKeyId, key.Credentials.SecretAccessKey);
        await _client.DeleteAccessKeyAsync(key.Key.Username, key.Key.StorageClass, SimulatorSeed.Project);

        var never = await Assert.ThrowsAsync<AmazonS3Exception>(() => unknown.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _logs.BucketName }));
        var gone = await Assert.ThrowsAsync<AmazonS3Exception>(() => deleted.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _logs.BucketName }));

        Assert.Equal(("InvalidAccessKeyId", HttpStatusCode.Forbidden), (never.ErrorCode, never.StatusCode));
        Assert.Equal(("InvalidAccessKeyId", HttpStatusCode.Forbidden), (gone.ErrorCode, gone.StatusCode));
    }

    [Fact]
    public async Task PresignedUrlOfAReadOnlyKey_ReadsButCannotWrite()
    {
        using var s3 = await KeyAsync("presigner", BucketPermission.ReadOnlyOn(_logs.Id));
        var get = await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest { BucketName = _logs.BucketName, Key = "seeded.txt", Verb = HttpVerb.GET, Expires = DateTime.UtcNow.AddMinutes(5), Protocol = Protocol.HTTP });
        var put = await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest { BucketName = _logs.BucketName, Key = "sneaky.txt", Verb = HttpVerb.PUT, Expires = DateTime.UtcNow.AddMinutes(5), Protocol = Protocol.HTTP });
        using var http = new HttpClient();

        using var read = await http.GetAsync(new Uri(get));
        using var write = await http.PutAsync(new Uri(put), new StringContent("x"));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Contains("<Code>AccessDenied</Code>", await write.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["seeded.txt"], await KeysAsync(_logs.BucketName));
    }

    [Fact]
    public async Task SeedShapeBucketKeys_OpenTheirBucketOnly()
    {
        await using var seed = await LatitudeSimulator.StartAsync(new SimulatorOptions { S3 = new S3ServerOptions(), Shape = ResponseShape.Seed });
        var client = Clients.ForSimulator(seed).ForToken(SimulatorSeed.Token);
        var first = await client.CreateBucketAsync(new CreateBucketRequest { Project = SimulatorSeed.Project, Name = "seed-first", Region = "DAL" });
        var second = await client.CreateBucketAsync(new CreateBucketRequest { Project = SimulatorSeed.Project, Name = "seed-second", Region = "DAL" });
        using var s3 = S3ClientFactory.Create(new Uri(first.Endpoint!), first.Credentials!.AccessKeyId, first.Credentials.SecretAccessKey);

        await PutAsync(s3, first.BucketName, "ok");
        var denied = await Assert.ThrowsAsync<AmazonS3Exception>(() => PutAsync(s3, second.BucketName, "no"));

        Assert.Equal("AccessDenied", denied.ErrorCode);
    }

    [Fact]
    public async Task EnforcementOff_HandsOutS3rverItself_WhereAReadOnlyKeyWrites()
    {
        await using var open = await LatitudeSimulator.StartAsync(new SimulatorOptions { S3 = new S3ServerOptions(EnforcePermissions: false) });
        var client = Clients.ForSimulator(open).ForToken(SimulatorSeed.Token);
        var bucket = await client.CreateBucketAsync(new CreateBucketRequest { Project = SimulatorSeed.Project, Name = "open-bucket", Region = "DAL" });
        var key = await client.CreateAccessKeyAsync(CreateAccessKeyRequest.ForBuckets(SimulatorSeed.Project, StorageClasses.Standard, "reader", "DAL", [BucketPermission.ReadOnlyOn(bucket.Id)]));
        using var s3 = S3ClientFactory.Create(new Uri(bucket.Endpoint!), key.Credentials.AccessKeyId, key.Credentials.SecretAccessKey);

        await PutAsync(s3, bucket.BucketName, "unchecked.txt");

        Assert.Equal(open.S3Endpoint, new Uri(bucket.Endpoint!.TrimEnd('/') + "/"));
    }

    private async Task<Bucket> CreateBucketAsync(string name, string project = SimulatorSeed.Project) =>
        await _client.CreateBucketAsync(new CreateBucketRequest { Project = project, Name = name, Region = "DAL" });

    private async Task<AmazonS3Client> KeyAsync(string name, params BucketPermission[] permissions)
    {
        var key = await _client.CreateAccessKeyAsync(CreateAccessKeyRequest.ForBuckets(SimulatorSeed.Project, StorageClasses.Standard, name, "DAL", permissions));
        return S3ClientFactory.Create(_sim.S3Endpoint!, key.Credentials.AccessKeyId, key.Credentials.SecretAccessKey);
    }

    private async Task<IReadOnlyList<string>> KeysAsync(string bucket)
    {
        using var admin = S3ClientFactory.Create(_sim.S3Endpoint!, S3rverBackend.AdminKey, S3rverBackend.AdminKey);
        var listing = await admin.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        return [.. (listing.S3Objects ?? []).Select(o => o.Key)];
    }

    private static Task PutAsync(IAmazonS3 s3, string bucket, string key) =>
        s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = "content of " + key, UseChunkEncoding = false });
}
