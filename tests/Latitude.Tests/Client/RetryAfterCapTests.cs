using BucketOperator.Latitude.RateLimiting;
using System.Net;
using BucketOperator.Latitude.Errors;
using BucketOperator.Latitude.Models;
using BucketOperator.Latitude.Tests.Contract;
using BucketOperator.TestSupport;
using Microsoft.Extensions.Logging;

namespace BucketOperator.Latitude.Tests.Client;

/// <summary>A hostile or malformed <c>meta.retry_after</c> cannot stall a token's budget for longer than the configured cap.</summary>
public sealed class RetryAfterCapTests
{
    [Theory]
    [InlineData("1000000000")]
    [InlineData("1e300")]
    [InlineData("\"Infinity\"")]
    public async Task CreateBucket_HugeRetryAfter_IsCappedAndLogged(string retryAfter)
    {
        var logs = new ListLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        var client = Client(new ScriptedHttpHandler().Respond((HttpStatusCode)429, RateLimited(retryAfter)), new FakeTimeProvider(), loggers);

        var error = await Assert.ThrowsAsync<LatitudeApiException>(() => client.CreateBucketAsync(BucketRequest()));

        Assert.Equal((LatitudeErrorKind.RateLimited, TimeSpan.FromMinutes(5)), (error.Kind, error.RetryAfter));
        Assert.Contains(logs.Messages, m => m.Contains("capped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateBucket_AfterHugeRetryAfter_BudgetReopensAtTheCap()
    {
        var time = new FakeTimeProvider();
        var stub = new ScriptedHttpHandler().Respond((HttpStatusCode)429, RateLimited("1000000000")).Respond(HttpStatusCode.Created, Documented.BucketCreated);
        var client = Client(stub, time, options: Clients.FastOptions(new Uri("https://api.test")) with { MaxRetryAfter = TimeSpan.FromMinutes(2) });
        await Assert.ThrowsAsync<LatitudeApiException>(() => client.CreateBucketAsync(BucketRequest()));

        var paused = await Assert.ThrowsAsync<RateBudgetExhaustedException>(() => client.CreateBucketAsync(BucketRequest()));
        Assert.Equal(TimeSpan.FromMinutes(2), paused.RetryAfter);
        time.Advance(TimeSpan.FromMinutes(2));

        var bucket = await client.CreateBucketAsync(BucketRequest());
        Assert.Equal("bkt_6VE1Wd37dXnZJ", bucket.Id);
    }

    [Fact]
    public async Task CreateBucket_RetryAfterBelowTheCap_IsKept()
    {
        var client = Client(new ScriptedHttpHandler().Respond((HttpStatusCode)429, RateLimited("60")), new FakeTimeProvider());

        var error = await Assert.ThrowsAsync<LatitudeApiException>(() => client.CreateBucketAsync(BucketRequest()));

        Assert.Equal(TimeSpan.FromSeconds(60), error.RetryAfter);
    }

    private static ILatitudeClient Client(ScriptedHttpHandler stub, TimeProvider time, ILoggerFactory? loggers = null, LatitudeClientOptions? options = null)
    {
        options ??= Clients.FastOptions(new Uri("https://api.test"));
        return new LatitudeClientFactory(LatitudeClientFactory.CreateHttpClient(options, stub), options, time, loggers).ForToken("test-token");
    }

    private static string RateLimited(string retryAfter) =>
        Documented.RateLimitExceeded.Replace("\"retry_after\":60", "\"retry_after\":" + retryAfter, StringComparison.Ordinal);

    private static CreateBucketRequest BucketRequest() => new() { Project = "proj_6059EqYkOQj8p", Name = "my-bucket", Region = "DAL" };
}
