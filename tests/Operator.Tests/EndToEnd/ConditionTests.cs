using BucketOperator.Entities;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Latitude.Models;
using BucketOperator.Latitude.Simulator.State;
using BucketOperator.Operator.Tests.Support;
using BucketOperator.TestSupport;

namespace BucketOperator.Operator.Tests.EndToEnd;

/// <summary>Every failure row of SPEC's Conditions table: its reason, the API's own words, a Warning Event, and recovery once fixed.</summary>
public sealed class ConditionTests(ControlPlaneFixture fixture) : OperatorTest(fixture)
{
    [Fact]
    public async Task HighPerformanceInDallas_LocationUnavailable_ThenNewRegionRecovers()
    {
        var created = await Admin.CreateAsync(Bucket("fast", "DAL", s => s with { StorageClass = Entities.StorageClasses.HighPerformance }));
        await AssertFailsAsync("fast", ReadyReasons.LocationUnavailable, "not available for high_performance");

        // The bucket was never created, so region is still free to change.
        await PatchSpecAsync("fast", """{"region":"NYC"}""");

        // What the operator wrote, read back from the API server: the same object, now recording the NYC bucket.
        var recovered = await WaitForReadyAsync("fast", ReadyReasons.Available);
        var bucket = Simulator.State.Buckets.Single();
        Assert.Equal("NYC", bucket.Region);
        Assert.Equal(created.Metadata.Uid, recovered.Metadata.Uid);
        Assert.Equal((bucket.Id, "NYC", Entities.StorageClasses.HighPerformance), (recovered.Status!.BucketId, recovered.Status.Region, recovered.Status.StorageClass));
    }

    [Fact]
    public async Task UnknownRegion_InvalidRegion() =>
        await FailsAsync(Bucket("nowhere", "ZZZ"), ReadyReasons.InvalidRegion, "could not find the region");

    [Fact]
    public async Task UnknownProject_InvalidProject() =>
        await FailsAsync(Bucket("lost", spec: s => s with { Project = "proj_doesnotexist" }), ReadyReasons.InvalidProject, "could not find the project");

    [Fact]
    public async Task TeamWithoutStorage_StorageNotEnabled()
    {
        await TokenSecretAsync("no-storage", SimulatorSeed.NoStorageToken);
        await FailsAsync(Bucket("nostore", spec: s => s with { Project = "proj_nostorage", CredentialsSecretRef = new SecretKeyReference { Name = "no-storage", Key = "token" } }), ReadyReasons.StorageNotEnabled, "not enabled");
    }

    [Fact]
    public async Task ReadOnlyToken_Unauthorized()
    {
        await TokenSecretAsync("read-only", SimulatorSeed.ReadOnlyToken);
        await FailsAsync(Bucket("readonly", spec: s => s with { CredentialsSecretRef = new SecretKeyReference { Name = "read-only", Key = "token" } }), ReadyReasons.Unauthorized, "POST /storage/buckets");
    }

    [Fact]
    public async Task TokenSecretMissing_CredentialsMissing_NoApiCall()
    {
        await FailsAsync(Bucket("tokenless", spec: s => s with { CredentialsSecretRef = new SecretKeyReference { Name = "team-token", Key = "token" } }), ReadyReasons.CredentialsMissing, "does not exist");
        Assert.Equal(0, LatitudeCalls());
    }

    [Fact]
    public async Task ForeignSecretOfThatName_SecretConflict_NoBucketCreated()
    {
        await Admin.CreateAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "taken", NamespaceProperty = Namespace }, StringData = new Dictionary<string, string> { ["mine"] = "yes" } });

        await FailsAsync(Bucket("taken"), ReadyReasons.SecretConflict, "not owned by this ObjectBucket");

        Assert.Empty(Simulator.State.Buckets);
        Assert.Equal("yes", (await SecretValuesAsync("taken"))["mine"]);
    }

    [Fact]
    public async Task NameTakenByAnotherTeam_BucketNameConflict()
    {
        await LatitudeAsUser(SimulatorSeed.OtherTeamToken).CreateBucketAsync(new CreateBucketRequest { Project = "proj_other", Name = "popular", Region = "DAL" });

        await FailsAsync(Bucket("popular"), ReadyReasons.BucketNameConflict, "already in use");
    }

    [Fact]
    public async Task ScopedWithoutCustomer_InvalidSpec_NoApiCall()
    {
        await FailsAsync(Bucket("scoped", spec: s => s with { Scoped = true }), ReadyReasons.InvalidSpec, "customer is required");
        Assert.Equal(0, LatitudeCalls());
    }

    [Fact]
    public async Task RegionChangedAfterCreation_ImmutableFieldChanged_ZeroLatitudeCalls()
    {
        await Admin.CreateAsync(Bucket("fixed"));
        await WaitForReadyAsync("fixed", ReadyReasons.Available);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var calls = LatitudeCalls();

        await PatchSpecAsync("fixed", """{"region":"SAO2"}""");

        await AssertFailsAsync("fixed", ReadyReasons.ImmutableFieldChanged, "region is immutable");
        Assert.Equal(calls, LatitudeCalls());
    }

    [Fact]
    public async Task ProviderFailing_ProviderErrorUnknown_ThenRecoversWithBackoff()
    {
        Simulator.Faults.ServerErrorRate = 1;
        await Admin.CreateAsync(Bucket("flaky"));

        var failing = await WaitForReadyAsync("flaky", ReadyReasons.ProviderError);
        Assert.Equal("Unknown", failing.Status!.Conditions!.Single(c => c.Type == ObjectBucketNames.ReadyCondition).Status);
        await Eventually.TrueAsync(async () => (await EventsAsync("flaky")).Any(e => e.Type == "Warning" && e.Reason == ReadyReasons.ProviderError), "a Warning ProviderError Event");
        Simulator.Faults.ServerErrorRate = 0;

        await WaitForReadyAsync("flaky", ReadyReasons.Available);
        Assert.Single(Simulator.State.Buckets);
    }

    [Fact]
    public async Task RateLimited_RateLimitedUnknown_ThenRetriedAfterRetryAfter()
    {
        const string TooMany = """{"errors":[{"code":"RATE_LIMIT_EXCEEDED","title":"Rate Limit Exceeded","status":"429","detail":"Too many requests. Please slow down and retry.","meta":{"retry_after":2}}]}""";
        Simulator.Faults.RespondNext("POST", "/storage/buckets", 429, TooMany);
        await Admin.CreateAsync(Bucket("busy"));

        var limited = await WaitForReadyAsync("busy", ReadyReasons.RateLimited);
        Assert.Contains("slow down", limited.Status!.Conditions!.Single(c => c.Type == ObjectBucketNames.ReadyCondition).Message, StringComparison.Ordinal);

        await WaitForReadyAsync("busy", ReadyReasons.Available);
        var posts = Simulator.Requests.Entries.Where(e => e.Method == "POST" && e.Path == "/storage/buckets").ToList();
        Assert.Equal(2, posts.Count);
        Assert.True(posts[1].At - posts[0].At >= TimeSpan.FromSeconds(2), $"re-sent {posts[1].At - posts[0].At} after the 429, before its retry_after");
    }

    private async Task FailsAsync(ObjectBucket bucket, string reason, string detail)
    {
        await Admin.CreateAsync(bucket);
        await AssertFailsAsync(bucket.Metadata.Name!, reason, detail);
    }

    private async Task AssertFailsAsync(string name, string reason, string detail)
    {
        var failed = await WaitForReadyAsync(name, reason);
        var ready = failed.Status!.Conditions!.Single(c => c.Type == ObjectBucketNames.ReadyCondition);
        Assert.Equal("False", ready.Status);
        Assert.Contains(detail, ready.Message, StringComparison.OrdinalIgnoreCase);
        await Eventually.TrueAsync(async () => (await EventsAsync(name)).Any(e => e.Type == "Warning" && e.Reason == reason), $"a Warning {reason} Event on {name}");
    }

    private Task<V1Secret> TokenSecretAsync(string name, string token) =>
        Admin.CreateAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace }, StringData = new Dictionary<string, string> { ["token"] = token } });
}
