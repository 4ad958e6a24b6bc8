using System.Net;
using BucketOperator.Latitude.Errors;
using BucketOperator.TestSupport;

namespace BucketOperator.Latitude.Tests.Client;

/// <summary>An API that quotes the caller's token in an error must not put it into the error the operator shows and logs.</summary>
public sealed class EchoedTokenTests
{
    [Fact]
    public async Task ErrorTexts_QuotingTheToken_AreRedacted_ElseKept()
    {
        const string token = "tok-echoed-0123456789";
        var body = $$$"""{"errors":[{"code":"UNAUTHORIZED","status":"401","title":"Bad key {{{token}}}","detail":"Authorization '{{{token}}}' was not accepted","message":"{{{token}}}","source":{"pointer":"/{{{token}}}"}}]}""";
        var stub = new ScriptedHttpHandler().Respond(HttpStatusCode.Unauthorized, body);

        var error = await Assert.ThrowsAsync<LatitudeApiException>(() => Clients.ForStub(stub, token).ListBucketsAsync(null));

        Assert.DoesNotContain(token, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(
            ("UNAUTHORIZED", "Bad key [redacted]", "Authorization '[redacted]' was not accepted", "[redacted]", "/[redacted]"),
            (error.Error.Code, error.Error.Title, error.Error.Detail, error.Error.Message, error.Error.Pointer));
    }
}
