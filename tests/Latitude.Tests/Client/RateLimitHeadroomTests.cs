using BucketOperator.Latitude.RateLimiting;
using System.Net;
using BucketOperator.TestSupport;

namespace BucketOperator.Latitude.Tests.Client;

/// <summary>
/// Clients keep a margin under Latitude's per-minute window, so latency jitter between our send and the
/// server's count never makes the API see one request too many.
/// </summary>
public sealed class RateLimitHeadroomTests
{
    [Fact]
    public async Task Writes_DefaultOptions_OverTheLimitAreHandedBackForTheWindowWithItsMargin()
    {
        var clock = new TestClock(new FakeTimeProvider());
        var options = new LatitudeClientOptions { BaseAddress = new Uri("https://api.test") };
        var stub = new ScriptedHttpHandler();
        for (var i = 0; i < options.WritesPerMinute; i++)
        {
            stub.Respond(HttpStatusCode.NoContent, "");
        }

        var client = new LatitudeClientFactory(LatitudeClientFactory.CreateHttpClient(options, stub), options, clock).ForToken("test-token");
        for (var i = 0; i < options.WritesPerMinute; i++)
        {
            await client.DeleteBucketAsync("bkt_" + i);
        }

        // Not waited out inside the call (it would hold a reconcile worker): the caller learns when to come back.
        var refused = await Assert.ThrowsAsync<RateBudgetExhaustedException>(() => client.DeleteBucketAsync("bkt_over"));

        Assert.Equal(TimeSpan.FromSeconds(61), refused.RetryAfter);
        Assert.Equal(options.WritesPerMinute, stub.Requests.Count);
    }
}
