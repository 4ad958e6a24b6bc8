using BucketOperator.Latitude.Errors;
using BucketOperator.Latitude.Models;
using BucketOperator.Latitude.Simulator;
using BucketOperator.Latitude.Simulator.State;
using BucketOperator.Latitude.Tests.Client;

namespace BucketOperator.Latitude.Tests.Simulator;

/// <summary>The client's lifecycle-rule calls against the simulator, whichever update method it routes.</summary>
public sealed class LifecycleRuleSimulatorTests
{
    private static readonly LifecycleRuleRequest OldLogs = new() { Name = "old-logs", Prefix = "logs/", ExpirationDays = 30, NoncurrentDays = 7 };

    [Fact]
    public async Task Rules_CreateListUpdateDelete_RoundTrip()
    {
        var (sim, client, bucket) = await StartAsync();
        await using var disposeSim = sim;

        var created = await client.CreateLifecycleRuleAsync(bucket.Id, OldLogs);
        var second = await client.CreateLifecycleRuleAsync(bucket.Id, new LifecycleRuleRequest { Name = "abort-uploads", ExpirationDays = 365, AbortIncompleteMultipartUploadDays = 2 });
        var updated = await client.UpdateLifecycleRuleAsync(bucket.Id, created.Id, OldLogs with { Prefix = null, NoncurrentDays = null, Enabled = false, ExpirationDays = 10 });
        var listed = await client.ListLifecycleRulesAsync(bucket.Id);
        var deleted = await client.DeleteLifecycleRuleAsync(bucket.Id, second.Id);
        var deletedAgain = await client.DeleteLifecycleRuleAsync(bucket.Id, second.Id);

        Assert.StartsWith("lifecycle_", created.Id, StringComparison.Ordinal);
        Assert.True(created.Matches(OldLogs));
        Assert.Equal(new LifecycleRule { Id = created.Id, Name = "old-logs", Enabled = false, ExpirationDays = 10 }, updated);
        Assert.Equal([updated, second], listed);
        Assert.Equal((true, false), (deleted, deletedAgain));
        Assert.Equal([updated], await client.ListLifecycleRulesAsync(bucket.Id));
    }

    [Fact]
    public async Task Rules_OfADeletedOrForeignBucket_AreNull_AndGoWithTheBucket()
    {
        var (sim, client, bucket) = await StartAsync();
        await using var disposeSim = sim;
        await client.CreateLifecycleRuleAsync(bucket.Id, OldLogs);
        var foreign = await Clients.ForSimulator(sim).ForToken(SimulatorSeed.OtherTeamToken).ListLifecycleRulesAsync(bucket.Id);

        await client.DeleteBucketAsync(bucket.Id);

        Assert.Null(foreign);
        Assert.Null(await client.ListLifecycleRulesAsync(bucket.Id));
        Assert.Empty(sim.State.LifecycleRules.Of(bucket.Id));
    }

    [Theory]
    [InlineData(0, null, "expiration_days must be greater than 0")]
    [InlineData(30, 0, "noncurrent_days must be greater than 0")]
    public async Task CreateRule_OutOfRange_IsValidationWithTheApisDetail(int expiration, int? noncurrent, string detail)
    {
        var (sim, client, bucket) = await StartAsync();
        await using var disposeSim = sim;

        var error = await Assert.ThrowsAsync<LatitudeApiException>(() =>
            client.CreateLifecycleRuleAsync(bucket.Id, OldLogs with { ExpirationDays = expiration, NoncurrentDays = noncurrent }));

        Assert.Equal((LatitudeErrorKind.Validation, 422, "VALIDATION_ERROR", detail), (error.Kind, error.HttpStatus, error.Error.Code, error.Error.Detail));
        Assert.Empty(sim.State.LifecycleRules.Of(bucket.Id));
    }

    [Theory]
    [InlineData("""{"data":{"type":"lifecycle_rules","attributes":{"expiration_days":3}}}""", "name can't be blank")]
    [InlineData("""{"data":{"type":"lifecycle_rules","attributes":{"name":" ","expiration_days":3}}}""", "name can't be blank")]
    [InlineData("""{"data":{"type":"lifecycle_rules","attributes":{"name":"n"}}}""", "expiration_days can't be blank")]
    [InlineData("""{"data":{"type":"lifecycle_rules","attributes":{"name":"n","expiration_days":"3"}}}""", "expiration_days must be greater than 0")]
    [InlineData("""{"data":{"type":"objects","attributes":{"name":"n","expiration_days":3}}}""", "data.type must be 'lifecycle_rules'")]
    public async Task CreateRule_RawBodyMissingWhatIsRequired_Is422(string body, string detail)
    {
        var (sim, _, bucket) = await StartAsync();
        await using var disposeSim = sim;

        var (status, answer) = await Raw.SendAsync(sim, HttpMethod.Post, $"/storage/buckets/{bucket.Id}/lifecycle_rules", SimulatorSeed.Token, body);

        Assert.Equal(422, status);
        Assert.Contains(detail, answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatchRule_WithoutName_Is422_AndKeepsTheRule()
    {
        var (sim, client, bucket) = await StartAsync();
        await using var disposeSim = sim;
        var rule = await client.CreateLifecycleRuleAsync(bucket.Id, OldLogs);

        var (status, body) = await Raw.SendAsync(sim, HttpMethod.Patch, $"/storage/buckets/{bucket.Id}/lifecycle_rules/{rule.Id}", SimulatorSeed.Token,
            """{"data":{"type":"lifecycle_rules","attributes":{"expiration_days":5}}}""");

        Assert.Equal(422, status);
        Assert.Contains("name can't be blank", body, StringComparison.Ordinal);
        Assert.Equal([rule], await client.ListLifecycleRulesAsync(bucket.Id));
    }

    [Theory]
    [InlineData(LifecycleRuleUpdateMethods.PutOnly, new[] { "PATCH", "PUT", "PUT" }, new[] { 405, 200, 200 })]
    [InlineData(LifecycleRuleUpdateMethods.PatchOnly, new[] { "PATCH", "PATCH" }, new[] { 200, 200 })]
    [InlineData(LifecycleRuleUpdateMethods.PatchAndPut, new[] { "PATCH", "PATCH" }, new[] { 200, 200 })]
    public async Task UpdateRule_WhicheverMethodTheApiRoutes_Updates_AndLearnsIt(LifecycleRuleUpdateMethods routed, string[] methods, int[] statuses)
    {
        var (sim, client, bucket) = await StartAsync(new SimulatorOptions { LifecycleRuleUpdates = routed });
        await using var disposeSim = sim;
        var rule = await client.CreateLifecycleRuleAsync(bucket.Id, OldLogs);

        await client.UpdateLifecycleRuleAsync(bucket.Id, rule.Id, OldLogs with { ExpirationDays = 40 });
        var updated = await client.UpdateLifecycleRuleAsync(bucket.Id, rule.Id, OldLogs with { ExpirationDays = 50 });

        var updates = sim.Requests.Entries.Where(e => e.Method is "PATCH" or "PUT").ToList();
        Assert.Equal(methods, updates.Select(e => e.Method));
        Assert.Equal(statuses, updates.Select(e => e.Status));
        Assert.Equal(50, updated.ExpirationDays);
        Assert.Equal(50, sim.State.LifecycleRules.Find(bucket.Id, rule.Id)!.ExpirationDays);
    }

    [Theory]
    [InlineData("POST", 500, LatitudeErrorKind.ProviderError, "LIFECYCLE_RULE_CREATE_ERROR")]
    [InlineData("POST", 422, LatitudeErrorKind.Validation, "VALIDATION_ERROR")]
    [InlineData("POST", 403, LatitudeErrorKind.StorageNotEnabled, "STORAGE_NOT_ENABLED")]
    public async Task CreateRule_InjectedDocumentedFault_ReachesTheCallerAsItsKind(string method, int status, LatitudeErrorKind kind, string code)
    {
        var (sim, client, bucket) = await StartAsync();
        await using var disposeSim = sim;
        sim.Faults.RespondNext(method, $"/storage/buckets/{bucket.Id}/lifecycle_rules", status);

        var error = await Assert.ThrowsAsync<LatitudeApiException>(() => client.CreateLifecycleRuleAsync(bucket.Id, OldLogs));
        var afterwards = await client.CreateLifecycleRuleAsync(bucket.Id, OldLogs);

        Assert.Equal((kind, code), (error.Kind, error.Error.Code));
        Assert.Equal([afterwards], await client.ListLifecycleRulesAsync(bucket.Id));
    }

    [Fact]
    public async Task Rules_TeamWithoutStorage_IsStorageNotEnabled()
    {
        await using var sim = await LatitudeSimulator.StartAsync();

        var error = await Assert.ThrowsAsync<LatitudeApiException>(() => Clients.ForSimulator(sim).ForToken(SimulatorSeed.NoStorageToken).ListLifecycleRulesAsync("bkt_x"));

        Assert.Equal(LatitudeErrorKind.StorageNotEnabled, error.Kind);
    }

    [Fact]
    public async Task Rules_ReadOnlyToken_ReadsButMayNotWrite()
    {
        var (sim, client, bucket) = await StartAsync();
        await using var disposeSim = sim;
        var rule = await client.CreateLifecycleRuleAsync(bucket.Id, OldLogs);
        var readOnly = Clients.ForSimulator(sim).ForToken(SimulatorSeed.ReadOnlyToken);

        var listed = await readOnly.ListLifecycleRulesAsync(bucket.Id);
        var error = await Assert.ThrowsAsync<LatitudeApiException>(() => readOnly.DeleteLifecycleRuleAsync(bucket.Id, rule.Id));

        Assert.Equal([rule], listed);
        Assert.Equal(LatitudeErrorKind.Unauthorized, error.Kind);
    }

    private static async Task<(LatitudeSimulator Simulator, ILatitudeClient Client, Bucket Bucket)> StartAsync(SimulatorOptions? options = null)
    {
        var sim = await LatitudeSimulator.StartAsync(options);
        var client = Clients.ForSimulator(sim).ForToken(SimulatorSeed.Token);
        return (sim, client, await client.CreateBucketAsync(new CreateBucketRequest { Project = SimulatorSeed.Project, Name = "with-rules", Region = "DAL" }));
    }
}
