using System.Net;
using BucketOperator.Latitude.Errors;
using BucketOperator.Latitude.Models;
using BucketOperator.TestSupport;

namespace BucketOperator.Latitude.Tests.Client;

/// <summary>
/// Whether a failed call may have taken effect: a write answered 2xx did, whatever its body; an answer
/// the client could not use tells the caller to look before writing again.
/// </summary>
public sealed class WriteOutcomeTests
{
    public static TheoryData<string> UnusableCreatedBodies => new()
    {
        "{not json",
        // Reads as JSON, but the bucket has no id: the create happened, and nothing says which bucket it made.
        """{"data":{"type":"object_storages","attributes":{"name":"my-bucket","bucket_name":"my-bucket","storage_class":"standard"}}}""",
    };

    [Theory]
    [MemberData(nameof(UnusableCreatedBodies))]
    public async Task CreateBucket_CreatedWithUnusableBody_IsMalformedWithUnknownOutcome(string body)
    {
        var stub = new ScriptedHttpHandler().Respond(HttpStatusCode.Created, body);

        var error = await Assert.ThrowsAsync<LatitudeApiException>(() => Clients.ForStub(stub).CreateBucketAsync(BucketRequest()));

        Assert.Equal((LatitudeErrorKind.MalformedResponse, true), (error.Kind, error.OutcomeUnknown));
        Assert.Contains("POST /storage/buckets", error.Message, StringComparison.Ordinal);
        Assert.Single(stub.Requests);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"data":{"type":"access_keys","attributes":{"access_key":{"name":"k","username":"u"}}}}""")]
    public async Task CreateAccessKey_CreatedWithUnusableBody_IsMalformedWithUnknownOutcome(string body)
    {
        var stub = new ScriptedHttpHandler().Respond(HttpStatusCode.Created, body);

        var error = await Assert.ThrowsAsync<LatitudeApiException>(() => Clients.ForStub(stub).CreateAccessKeyAsync(KeyRequest()));

        Assert.Equal((LatitudeErrorKind.MalformedResponse, true), (error.Kind, error.OutcomeUnknown));
        Assert.Contains("POST /storage/access_keys", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"data":{"type":"object_storages","attributes":{"name":"x","storage_class":"standard"}}}""")]
    public async Task GetBucket_UnusableBody_IsMalformedWithKnownOutcome(string body)
    {
        var error = await Assert.ThrowsAsync<LatitudeApiException>(
            () => Clients.ForStub(new ScriptedHttpHandler().Respond(HttpStatusCode.OK, body)).GetBucketAsync("bkt_1"));

        Assert.Equal((LatitudeErrorKind.MalformedResponse, false), (error.Kind, error.OutcomeUnknown));
        Assert.Contains("GET /storage/buckets/bkt_1", error.Message, StringComparison.Ordinal);
    }

    private static CreateBucketRequest BucketRequest() => new() { Project = "proj_6059EqYkOQj8p", Name = "my-bucket", Region = "DAL" };

    private static CreateAccessKeyRequest KeyRequest() =>
        new() { Project = "p", StorageClass = StorageClasses.Standard, Name = "k", AccessScope = AccessScopes.Full, Region = "DAL" };
}
