using System.Net;
using System.Text.Json.Nodes;
using BucketOperator.Latitude.Errors;
using BucketOperator.Latitude.Models;
using BucketOperator.Latitude.Tests.Client;
using BucketOperator.TestSupport;

namespace BucketOperator.Latitude.Tests.Contract;

/// <summary>Every documented body, fed to the client, becomes the right model or error kind.</summary>
public sealed class ClientContractTests
{
    public enum Call
    {
        ListBuckets,
        CreateBucket,
        DeleteBucket,
        CreateKey,
        ListKeys,
        DeleteKey,
    }

    public static TheoryData<Call, int, string, LatitudeErrorKind> DocumentedErrors => new()
    {
        { Call.ListBuckets, 403, Documented.FeatureNotEnabled, LatitudeErrorKind.StorageNotEnabled },
        { Call.CreateBucket, 403, Documented.StorageNotEnabled, LatitudeErrorKind.StorageNotEnabled },
        { Call.CreateBucket, 403, Documented.UserAuthorizationError, LatitudeErrorKind.Unauthorized },
        { Call.CreateBucket, 404, Documented.InvalidProjectForBucket, LatitudeErrorKind.InvalidProject },
        { Call.CreateBucket, 404, Documented.InvalidRegionForBucket, LatitudeErrorKind.InvalidRegion },
        { Call.CreateBucket, 409, Documented.StorageConflict, LatitudeErrorKind.Conflict },
        { Call.CreateBucket, 409, Documented.SeedConflict, LatitudeErrorKind.Conflict },
        { Call.CreateBucket, 409, Documented.BucketNameTaken, LatitudeErrorKind.Conflict },
        { Call.CreateBucket, 422, Documented.BucketValidationError, LatitudeErrorKind.Validation },
        { Call.CreateBucket, 422, Documented.LocationUnavailable, LatitudeErrorKind.LocationUnavailable },
        { Call.CreateBucket, 500, Documented.SetupError, LatitudeErrorKind.ProviderError },
        { Call.CreateBucket, 429, Documented.RateLimitExceeded, LatitudeErrorKind.RateLimited },
        { Call.CreateBucket, 401, """{"errors":[{"code":"UNAUTHORIZED","title":"Unauthorized","detail":"Invalid API key","meta":{},"status":"401"}]}""", LatitudeErrorKind.Unauthorized },
        { Call.DeleteBucket, 403, Documented.StorageNotEnabledOnDelete, LatitudeErrorKind.StorageNotEnabled },
        { Call.DeleteBucket, 403, Documented.UserAuthorizationError, LatitudeErrorKind.Unauthorized },
        { Call.DeleteBucket, 409, Documented.BucketNotEmpty, LatitudeErrorKind.BucketNotEmpty },
        { Call.CreateKey, 403, Documented.UserAuthorizationError, LatitudeErrorKind.Unauthorized },
        { Call.CreateKey, 404, Documented.InvalidProjectForKey, LatitudeErrorKind.InvalidProject },
        { Call.CreateKey, 404, Documented.StorageResourceNotFound, LatitudeErrorKind.NotFound },
        { Call.CreateKey, 422, Documented.KeyValidationError, LatitudeErrorKind.Validation },
        { Call.CreateKey, 422, Documented.InvalidRegionForKey, LatitudeErrorKind.InvalidRegion },
        { Call.CreateKey, 422, Documented.MissingWasabiStorage, LatitudeErrorKind.Validation },
        { Call.CreateKey, 422, Documented.InvalidBucketId, LatitudeErrorKind.Validation },
        { Call.ListKeys, 403, Documented.UserAuthorizationError, LatitudeErrorKind.Unauthorized },
        { Call.ListKeys, 404, Documented.InvalidProjectForKey, LatitudeErrorKind.InvalidProject },
        { Call.DeleteKey, 403, Documented.UserAuthorizationError, LatitudeErrorKind.Unauthorized },
        { Call.DeleteKey, 404, Documented.InvalidProjectForKey, LatitudeErrorKind.InvalidProject },
    };

    [Theory]
    [MemberData(nameof(DocumentedErrors))]
    public async Task Call_DocumentedErrorBody_RaisesKindWithApiErrorEntry(Call call, int status, string body, LatitudeErrorKind kind)
    {
        // Transient errors on idempotent calls are retried; script enough answers for every attempt.
        var stub = new ScriptedHttpHandler().Respond((HttpStatusCode)status, body).Respond((HttpStatusCode)status, body).Respond((HttpStatusCode)status, body);
        var client = Clients.ForStub(stub);

        var error = await Assert.ThrowsAsync<LatitudeApiException>(() => Invoke(client, call));

        var documented = JsonNode.Parse(body)!["errors"]![0]!;
        Assert.Equal(kind, error.Kind);
        Assert.Equal(status, error.HttpStatus);
        Assert.Equal(documented["code"]!.GetValue<string>(), error.Error.Code);
        Assert.Equal((documented["detail"] ?? documented["message"])!.GetValue<string>(), error.Error.Text);
        Assert.Contains(error.Error.Text, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateBucket_RateLimited_CarriesRetryAfterFromMeta()
    {
        var client = Clients.ForStub(new ScriptedHttpHandler().Respond((HttpStatusCode)429, Documented.RateLimitExceeded));

        var error = await Assert.ThrowsAsync<LatitudeApiException>(() => client.CreateBucketAsync(BucketRequest()));

        Assert.Equal(TimeSpan.FromSeconds(60), error.RetryAfter);
        Assert.True(error.IsTransient);
    }

    [Theory]
    [InlineData(Documented.BucketNotFound)]
    [InlineData(Documented.RecordNotFound)]
    public async Task GetAndDeleteBucket_DocumentedNotFound_MeanAbsent(string body)
    {
        var client = Clients.ForStub(new ScriptedHttpHandler().Respond(HttpStatusCode.NotFound, body).Respond(HttpStatusCode.NotFound, body));

        Assert.Null(await client.GetBucketAsync("bkt_gone"));
        Assert.False(await client.DeleteBucketAsync("bkt_gone"));
    }

    [Fact]
    public async Task DeleteAccessKey_DocumentedNotFound_MeansAbsent() =>
        Assert.False(await Clients.ForStub(new ScriptedHttpHandler().Respond(HttpStatusCode.NotFound, Documented.AccessKeyNotFound))
            .DeleteAccessKeyAsync("user+k@example.com", StorageClasses.Standard, "proj"));

    [Fact]
    public async Task GetBucket_DocumentedExample_MapsEveryField()
    {
        var bucket = await Clients.ForStub(new ScriptedHttpHandler().Respond(HttpStatusCode.OK, Documented.BucketGet)).GetBucketAsync("bkt_6VE1Wd37dXnZJ");

        Assert.Equal(
            new Bucket
            {
                Id = "bkt_6VE1Wd37dXnZJ",
                Name = "my-bucket-storage",
                BucketName = "my-bucket",
                Endpoint = "https://objects.us-east-1.storage.sh",
                StorageClass = "standard",
                Region = "SAO2",
                RetentionMode = "NONE",
                CreatedAt = new DateTimeOffset(2026, 3, 19, 10, 30, 0, TimeSpan.Zero),
                Source = "default",
                ProjectId = "proj_6059EqYkOQj8p",
                ProjectSlug = "my-project",
            },
            bucket);
        Assert.True(bucket!.IsNamed("my-bucket") && bucket.IsNamed("my-bucket-storage"));
    }

    [Fact]
    public async Task ListBuckets_DocumentedExample_MapsItems()
    {
        var stub = new ScriptedHttpHandler().Respond(HttpStatusCode.OK, Documented.BucketList);

        var buckets = await Clients.ForStub(stub).ListBucketsAsync("my-project");

        Assert.Equal(("bkt_6VE1Wd37dXnZJ", "my-bucket", "SAO2"), (buckets[0].Id, buckets[0].BucketName, buckets[0].Region));
        Assert.Equal("/storage/buckets?filter[project]=my-project", Uri.UnescapeDataString(stub.Requests[0].PathAndQuery));
    }

    [Fact]
    public async Task CreateBucket_NewestShape_HasNoCredentials()
    {
        var bucket = await Clients.ForStub(new ScriptedHttpHandler().Respond(HttpStatusCode.Created, Documented.BucketCreated)).CreateBucketAsync(BucketRequest());

        Assert.Equal(("bkt_6VE1Wd37dXnZJ", "DAL", null), (bucket.Id, bucket.Region, bucket.Credentials));
    }

    [Fact]
    public async Task CreateBucket_SeedShape_CarriesKeysOnTheBucket()
    {
        var bucket = await Clients.ForStub(new ScriptedHttpHandler().Respond(HttpStatusCode.Created, Documented.SeedBucketCreated)).CreateBucketAsync(BucketRequest());

        Assert.Equal("bucket_6VE1Wd37dXnZJ", bucket.Id);
        Assert.Equal(new S3Credentials("<your-access-key>", "<your-secret-key>"), bucket.Credentials);
        Assert.DoesNotContain("your-secret-key", bucket.ToString(), StringComparison.Ordinal);
        Assert.Contains("<your-access-key>", bucket.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateBucket_SendsTheDocumentedRequestBody()
    {
        var stub = new ScriptedHttpHandler().Respond(HttpStatusCode.Created, Documented.BucketCreated).Respond(HttpStatusCode.Created, Documented.BucketCreated);
        var client = Clients.ForStub(stub, token: "secret-token");

        await client.CreateBucketAsync(BucketRequest() with { StorageClass = "standard", Versioning = true });
        await client.CreateBucketAsync(new CreateBucketRequest { Project = "proj_6059EqYkOQj8p", Name = "customer-bucket", Region = "DAL", Scoped = true, Customer = "acme-corp" });

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Documented.CreateBucketRequest), JsonNode.Parse(stub.Requests[0].Body)), stub.Requests[0].Body);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Documented.CreateScopedBucketRequest), JsonNode.Parse(stub.Requests[1].Body)), stub.Requests[1].Body);
        Assert.Equal(("secret-token", "application/vnd.api+json"), (stub.Requests[0].Authorization, stub.Requests[0].ContentType));
    }

    [Fact]
    public async Task CreateAccessKey_SendsTheDocumentedRequestBody()
    {
        var stub = new ScriptedHttpHandler().Respond(HttpStatusCode.Created, Documented.AccessKeyCreatedStandard);

        await Clients.ForStub(stub).CreateAccessKeyAsync(new CreateAccessKeyRequest
        {
            Project = "proj_6059EqYkOQj8p",
            StorageClass = "standard",
            Name = "my-limited-key",
            AccessScope = AccessScopes.Limited,
            Region = "DAL",
            BucketPermissions = [new("bkt_6VE1Wd37dXnZJ", BucketPermission.ReadOnly), new("bkt_7WF2Xe48eYoAK", BucketPermission.ReadWrite)],
        });

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Documented.CreateAccessKeyRequest), JsonNode.Parse(stub.Requests[0].Body)), stub.Requests[0].Body);
    }

    [Theory]
    [InlineData(Documented.AccessKeyCreatedStandard, "standard", "AKIA123456789", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "user+my-access-key@example.com")]
    [InlineData(Documented.AccessKeyCreatedHighPerformance, "high_performance", "VAST_AKID123", "…", "tenant-2500-key2")]
    public async Task CreateAccessKey_EitherProviderShape_YieldsKeyAndSecret(string body, string storageClass, string id, string secret, string username)
    {
        var created = await Clients.ForStub(new ScriptedHttpHandler().Respond(HttpStatusCode.Created, body)).CreateAccessKeyAsync(
            new CreateAccessKeyRequest { Project = "p", StorageClass = storageClass, Name = "k", AccessScope = AccessScopes.Full, Region = "NYC" });

        Assert.Equal(new S3Credentials(id, secret), created.Credentials);
        Assert.Equal((username, storageClass, id), (created.Key.Username, created.Key.StorageClass, created.Key.AccessKeyId));
    }

    [Fact]
    public async Task ListAccessKeys_GroupedByStorageClass_FlattensWithClass()
    {
        var keys = await Clients.ForStub(new ScriptedHttpHandler().Respond(HttpStatusCode.OK, Documented.AccessKeyList)).ListAccessKeysAsync("proj");

        Assert.Equal(
            [("user+key1@example.com", "standard", (string?)null), ("tenant-2500-key2", "high_performance", "DAL")],
            keys.Select(k => (k.Username, k.StorageClass, k.Region)));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"data":{"id":"bkt_1"}}""")]
    [InlineData("""{"data":{"type":"object_storages","attributes":{"name":"x"}}}""")]
    public async Task GetBucket_MalformedSuccessBody_RaisesMalformedResponseWithContext(string body)
    {
        var error = await Assert.ThrowsAsync<LatitudeApiException>(
            () => Clients.ForStub(new ScriptedHttpHandler().Respond(HttpStatusCode.OK, body)).GetBucketAsync("bkt_1"));

        Assert.Equal(LatitudeErrorKind.MalformedResponse, error.Kind);
        Assert.Contains("/storage/buckets", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorWithoutJsonBody_KeepsStatusAndReason()
    {
        var stub = new ScriptedHttpHandler().Respond(HttpStatusCode.BadGateway, "<html>bad gateway</html>");

        var error = await Assert.ThrowsAsync<LatitudeApiException>(() => Clients.ForStub(stub).CreateBucketAsync(BucketRequest()));

        Assert.Equal((LatitudeErrorKind.ProviderError, 502, true), (error.Kind, error.HttpStatus, error.OutcomeUnknown));
    }

    private static CreateBucketRequest BucketRequest() => new() { Project = "proj_6059EqYkOQj8p", Name = "my-bucket", Region = "DAL" };

    private static Task Invoke(ILatitudeClient client, Call call) => call switch
    {
        Call.ListBuckets => client.ListBucketsAsync(null),
        Call.CreateBucket => client.CreateBucketAsync(BucketRequest()),
        Call.DeleteBucket => client.DeleteBucketAsync("bkt_1"),
        Call.CreateKey => client.CreateAccessKeyAsync(new CreateAccessKeyRequest { Project = "p", StorageClass = "standard", Name = "k", AccessScope = AccessScopes.Full, Region = "DAL" }),
        Call.ListKeys => client.ListAccessKeysAsync("p"),
        Call.DeleteKey => client.DeleteAccessKeyAsync("u", "standard", "p"),
        _ => throw new ArgumentOutOfRangeException(nameof(call)),
    };
}
