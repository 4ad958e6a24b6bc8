using BucketOperator.Latitude.RateLimiting;
using BucketOperator.Latitude.Errors;
using BucketOperator.Latitude.Models;
using BucketOperator.Latitude.Simulator;
using BucketOperator.Latitude.Simulator.Pipeline;
using BucketOperator.Latitude.Simulator.State;
using BucketOperator.TestSupport;
using Microsoft.Extensions.Logging;

namespace BucketOperator.Latitude.Tests.Client;

/// <summary>Retry, recovery and secrecy rules of the client, against the simulator over real HTTP.</summary>
public sealed class ClientBehaviourTests : IAsyncLifetime
{
    private LatitudeSimulator _sim = null!;

    public async Task InitializeAsync() => _sim = await LatitudeSimulator.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task CreateBucket_ServerError_IsSentOnceAndReportedAsUnknownOutcome()
    {
        _sim.Faults.ServerErrorRate = 1;
        var client = Clients.ForSimulator(_sim).ForToken(SimulatorSeed.Token);

        var error = await Assert.ThrowsAsync<LatitudeApiException>(() => client.CreateBucketAsync(Request("once")));

        Assert.Equal((LatitudeErrorKind.ProviderError, true, "OBJECT_STORAGE_SETUP_ERROR"), (error.Kind, error.OutcomeUnknown, error.Error.Code));
        Assert.Equal(1, _sim.Requests.Count("POST", "/storage/buckets"));
    }

    [Fact]
    public async Task CreateBucket_ResponseLostAfterCommit_FailsWithUnknownOutcome_AndListingFindsTheBucket()
    {
        _sim.Faults.DropResponseAfterCommit("POST", "/storage/buckets");
        var client = Clients.ForSimulator(_sim).ForToken(SimulatorSeed.Token);

        var error = await Assert.ThrowsAsync<LatitudeApiException>(() => client.CreateBucketAsync(Request("lost-answer")));
        var found = (await client.ListBucketsAsync(SimulatorSeed.Project)).SingleOrDefault(b => b.IsNamed("lost-answer"));

        Assert.Equal((LatitudeErrorKind.ProviderError, 0, true), (error.Kind, error.HttpStatus, error.OutcomeUnknown));
        Assert.NotNull(found);
        Assert.Equal(1, _sim.Requests.Count("POST", "/storage/buckets"));
    }

    [Fact]
    public async Task GetBucket_TransientErrors_AreRetriedUntilSuccess()
    {
        var client = Clients.ForSimulator(_sim).ForToken(SimulatorSeed.Token);
        var bucket = await client.CreateBucketAsync(Request("retried"));
        _sim.Faults.RespondNext("GET", "/storage/buckets/*", 503, "upstream unavailable", times: 2);

        var read = await client.GetBucketAsync(bucket.Id);

        Assert.Equal(bucket.Id, read!.Id);
        Assert.Equal(3, _sim.Requests.Count("GET", "/storage/buckets/*"));
    }

    [Fact]
    public async Task DeleteBucket_PersistentServerError_GivesUpAfterMaxAttempts()
    {
        var client = Clients.ForSimulator(_sim).ForToken(SimulatorSeed.Token);
        var bucket = await client.CreateBucketAsync(Request("stubborn"));
        _sim.Faults.ServerErrorRate = 1;

        var error = await Assert.ThrowsAsync<LatitudeApiException>(() => client.DeleteBucketAsync(bucket.Id));

        Assert.Equal("BUCKET_DELETION_ERROR", error.Error.Code);
        Assert.Equal(3, _sim.Requests.Count("DELETE", "/storage/buckets/*"));
    }

    [Fact]
    public async Task DeleteBucket_Twice_SecondReportsAlreadyGone()
    {
        var client = Clients.ForSimulator(_sim).ForToken(SimulatorSeed.Token);
        var bucket = await client.CreateBucketAsync(Request("twice-deleted"));

        Assert.True(await client.DeleteBucketAsync(bucket.Id));
        Assert.False(await client.DeleteBucketAsync(bucket.Id));
        Assert.Null(await client.GetBucketAsync(bucket.Id));
    }

    [Fact]
    public async Task Reads_OverServerLimit_HandedBackForRetryAfterThenSucceed()
    {
        var time = new FakeTimeProvider();
        await using var sim = await LatitudeSimulator.StartAsync(new SimulatorOptions { ReadsPerMinute = 2, Time = time });
        var client = Clients.ForSimulator(sim, time, options: Clients.FastOptions(sim.BaseAddress) with { ReadsPerMinute = 100, MaxAttempts = 3 }).ForToken(SimulatorSeed.Token);
        await client.ListBucketsAsync(null);
        await client.ListBucketsAsync(null);

        // The 429 pauses the token for meta.retry_after; the retry is not sent but handed back to the caller.
        var paused = await Assert.ThrowsAsync<RateBudgetExhaustedException>(() => client.ListBucketsAsync(null));
        Assert.Equal(TimeSpan.FromSeconds(60), paused.RetryAfter);
        time.Advance(paused.RetryAfter);

        Assert.Empty(await client.ListBucketsAsync(null));
        Assert.Equal([200, 200, 429, 200], sim.Requests.Entries.Select(e => e.Status));
        Assert.True(sim.Requests.Entries[3].At - sim.Requests.Entries[2].At >= TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Token_IsSentVerbatim_AndNeverAppearsInLogsOrErrors()
    {
        const string token = SimulatorSeed.ReadOnlyToken;
        var logs = new ListLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var client = Clients.ForSimulator(_sim, loggers: loggers).ForToken(token);

        var error = await Assert.ThrowsAsync<LatitudeApiException>(() => client.CreateBucketAsync(Request("forbidden")));

        Assert.Equal(LatitudeErrorKind.Unauthorized, error.Kind);
        Assert.NotEmpty(logs.Messages);
        Assert.DoesNotContain(logs.Messages, m => m.Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownToken_IsUnauthorized()
    {
        var error = await Assert.ThrowsAsync<LatitudeApiException>(() => Clients.ForSimulator(_sim).ForToken("wrong").ListBucketsAsync(null));

        Assert.Equal((LatitudeErrorKind.Unauthorized, 401), (error.Kind, error.HttpStatus));
    }

    [Theory]
    [InlineData(ResponseShape.Current, "bkt_", false)]
    [InlineData(ResponseShape.Seed, "bucket_", true)]
    public async Task CreateBucket_EachApiShape_ParsesIdsAndCredentials(ResponseShape shape, string prefix, bool keysOnBucket)
    {
        await using var sim = await LatitudeSimulator.StartAsync(new SimulatorOptions { Shape = shape });
        var client = Clients.ForSimulator(sim).ForToken(SimulatorSeed.Token);

        var bucket = await client.CreateBucketAsync(Request("shaped") with { Versioning = true });

        Assert.StartsWith(prefix, bucket.Id, StringComparison.Ordinal);
        Assert.Equal(keysOnBucket, bucket.Credentials is not null);
        Assert.Equal(("shaped", "DAL", true, "https://objects.us-east-1.storage.sh"), (bucket.BucketName, bucket.Region, bucket.Versioning, bucket.Endpoint));
    }

    [Fact]
    public async Task AccessKeys_CreateListDelete_ByUsernameWithSpecialCharacters()
    {
        var client = Clients.ForSimulator(_sim).ForToken(SimulatorSeed.Token);
        var bucket = await client.CreateBucketAsync(Request("keyed"));

        var created = await client.CreateAccessKeyAsync(CreateAccessKeyRequest.ForBucket(SimulatorSeed.Project, bucket, "App Key", "DAL"));
        var listed = await client.ListAccessKeysAsync(SimulatorSeed.ProjectSlug);
        var deleted = await client.DeleteAccessKeyAsync(created.Key.Username, created.Key.StorageClass, SimulatorSeed.Project);

        Assert.Contains('+', created.Key.Username);
        Assert.Equal("app-key", created.Key.Name);
        Assert.Equal(created.Key.Username, Assert.Single(listed).Username);
        Assert.True(deleted);
        Assert.Empty(await client.ListAccessKeysAsync(SimulatorSeed.Project));
    }

    [Fact]
    public async Task CreateBucket_SlowerThanTheDeadline_IsUnknownOutcome_AndTheAbandonedRequestCreatesNothing()
    {
        // The simulator's latency runs on a clock nobody advances, so only the client giving up ends the request;
        // the deadline is long enough for the request to reach the simulator on a loaded machine.
        await using var sim = await LatitudeSimulator.StartAsync(new SimulatorOptions { Time = new FakeTimeProvider() });
        sim.Faults.Latency = TimeSpan.FromSeconds(1);
        var options = Clients.FastOptions(sim.BaseAddress) with { RequestTimeout = TimeSpan.FromSeconds(2) };
        var client = Clients.ForSimulator(sim, options: options).ForToken(SimulatorSeed.Token);

        var error = await Assert.ThrowsAsync<LatitudeApiException>(() => client.CreateBucketAsync(Request("slow")));
        var handled = await HandledAsync(sim, "POST", "/storage/buckets");

        Assert.Equal((LatitudeErrorKind.ProviderError, true), (error.Kind, error.OutcomeUnknown));
        Assert.Contains("no answer within", error.Message, StringComparison.Ordinal);
        // The simulator saw the request, which was aborted before it committed: no bucket, and a list agrees.
        Assert.Equal(0, handled.Status);
        Assert.DoesNotContain(sim.State.Buckets, b => b.Name == "slow");
        sim.Faults.Latency = TimeSpan.Zero;
        Assert.DoesNotContain(await client.ListBucketsAsync(SimulatorSeed.Project), b => b.IsNamed("slow"));
    }

    [Fact]
    public async Task CreateBucket_ConcurrentlyWithOneName_ExactlyOneWins()
    {
        var client = Clients.ForSimulator(_sim).ForToken(SimulatorSeed.Token);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            try
            {
                await client.CreateBucketAsync(Request("contested"));
                return "created";
            }
            catch (LatitudeApiException e)
            {
                return e.Kind.ToString();
            }
        }));

        Assert.Equal(1, attempts.Count(a => a == "created"));
        Assert.Equal(7, attempts.Count(a => a == nameof(LatitudeErrorKind.Conflict)));
        Assert.Single(_sim.State.Buckets, b => b.Name == "contested");
    }

    /// <summary>The simulator's record of a request, once it has finished handling it (the log is written last).</summary>
    private static async Task<RecordedRequest> HandledAsync(LatitudeSimulator sim, string method, string path)
    {
        for (var polls = 0; polls < 200; polls++)
        {
            if (sim.Requests.Entries.FirstOrDefault(e => e.Method == method && e.Path == path) is { } entry)
            {
                return entry;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        }

        throw new TimeoutException($"the simulator never finished {method} {path}");
    }

    private static CreateBucketRequest Request(string name) => new() { Project = SimulatorSeed.Project, Name = name, Region = "DAL" };
}
