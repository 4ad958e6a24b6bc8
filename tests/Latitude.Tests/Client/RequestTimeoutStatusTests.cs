using System.Net;
using BucketOperator.Latitude.Errors;
using BucketOperator.Latitude.Models;
using BucketOperator.Latitude.Tests.Contract;
using BucketOperator.TestSupport;

namespace BucketOperator.Latitude.Tests.Client;

/// <summary>408 Request Timeout (from the API or a proxy in front of it) is transient, and says nothing about whether a write happened.</summary>
public sealed class RequestTimeoutStatusTests
{
    private const string Timeout408 = "<html>408 Request Time-out</html>";

    [Fact]
    public async Task GetBucket_RequestTimeout_IsRetried()
    {
        var stub = new ScriptedHttpHandler().Respond(HttpStatusCode.RequestTimeout, Timeout408).Respond(HttpStatusCode.OK, Documented.BucketGet);

        var bucket = await Clients.ForStub(stub).GetBucketAsync("bkt_6VE1Wd37dXnZJ");

        Assert.Equal("bkt_6VE1Wd37dXnZJ", bucket!.Id);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task CreateBucket_RequestTimeout_IsSentOnceAndUnknownOutcome()
    {
        var stub = new ScriptedHttpHandler().Respond(HttpStatusCode.RequestTimeout, Timeout408);

        var error = await Assert.ThrowsAsync<LatitudeApiException>(() => Clients.ForStub(stub).CreateBucketAsync(
            new CreateBucketRequest { Project = "proj_6059EqYkOQj8p", Name = "my-bucket", Region = "DAL" }));

        Assert.Equal((LatitudeErrorKind.ProviderError, 408, true, true), (error.Kind, error.HttpStatus, error.OutcomeUnknown, error.IsTransient));
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task DeleteBucket_PersistentRequestTimeout_GivesUpAfterMaxAttemptsWithUnknownOutcome()
    {
        var stub = new ScriptedHttpHandler();
        for (var i = 0; i < 3; i++)
        {
            stub.Respond(HttpStatusCode.RequestTimeout, Timeout408);
        }

        var error = await Assert.ThrowsAsync<LatitudeApiException>(() => Clients.ForStub(stub).DeleteBucketAsync("bkt_1"));

        Assert.Equal((LatitudeErrorKind.ProviderError, true), (error.Kind, error.OutcomeUnknown));
        Assert.Equal(3, stub.Requests.Count);
    }
}
