using System.Text.Json.Nodes;
using BucketOperator.Latitude.Simulator;
using BucketOperator.Latitude.Simulator.State;
using BucketOperator.Latitude.Tests.Simulator;

namespace BucketOperator.Latitude.Tests.Contract;

/// <summary>The simulator produces every documented body, in the documented shape, for the documented cause.</summary>
public sealed class SimulatorContractTests : IAsyncLifetime
{
    private const string Token = SimulatorSeed.Token;
    private LatitudeSimulator _sim = null!;

    public async Task InitializeAsync() => _sim = await LatitudeSimulator.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    public static TheoryData<string, string, int, string> Errors => new()
    {
        // cause, documented body, status
        { "list without storage", "FeatureNotEnabled", 403, Documented.FeatureNotEnabled },
        { "get without storage", "FeatureNotEnabled", 403, Documented.FeatureNotEnabled },
        { "create without storage", "StorageNotEnabled", 403, Documented.StorageNotEnabled },
        { "create with a read-only token", "UserAuthorizationError", 403, Documented.UserAuthorizationError },
        { "create in an unknown project", "InvalidProjectForBucket", 404, Documented.InvalidProjectForBucket },
        { "create in an unknown region", "InvalidRegionForBucket", 404, Documented.InvalidRegionForBucket },
        { "create a name with spaces", "BucketValidationError", 422, Documented.BucketValidationError },
        { "create high_performance in DAL", "LocationUnavailable", 422, Documented.LocationUnavailable },
        { "create twice in one project", "StorageConflict", 409, Documented.StorageConflict },
        { "create a name another team holds", "BucketNameTaken", 409, Documented.BucketNameTaken },
        { "create while the provider fails", "SetupError", 500, Documented.SetupError },
        { "get a missing bucket", "BucketNotFound", 404, Documented.BucketNotFound },
        { "delete without storage", "StorageNotEnabledOnDelete", 403, Documented.StorageNotEnabledOnDelete },
        { "delete a missing bucket", "RecordNotFound", 404, Documented.RecordNotFound },
        { "delete a non-empty bucket", "BucketNotEmpty", 409, Documented.BucketNotEmpty },
        { "delete while the provider fails", "BucketDeletionError", 500, Documented.BucketDeletionError },
        { "key in an unknown project", "InvalidProjectForKey", 404, Documented.InvalidProjectForKey },
        { "high_performance key without such storage", "StorageResourceNotFound", 404, Documented.StorageResourceNotFound },
        { "limited key without permissions", "KeyValidationError", 422, Documented.KeyValidationError },
        { "key in an unknown region", "InvalidRegionForKey", 422, Documented.InvalidRegionForKey },
        { "standard key before any standard bucket", "MissingWasabiStorage", 422, Documented.MissingWasabiStorage },
        { "key for another project's bucket", "InvalidBucketId", 422, Documented.InvalidBucketId },
        { "delete a missing key", "AccessKeyNotFound", 404, Documented.AccessKeyNotFound },
        { "list keys of an unknown project", "InvalidProjectForKey", 404, Documented.InvalidProjectForKey },
        { "key with an unknown bucket", "InvalidBucketId", 422, Documented.InvalidBucketId },
        { "list rules without storage", "RulesStorageNotEnabled", 403, Documented.RulesStorageNotEnabled },
        { "list rules of a missing bucket", "RecordNotFound", 404, Documented.RecordNotFound },
        { "create a rule expiring after 0 days", "RuleValidationError", 422, Documented.RuleValidationError },
        { "create a rule while the provider fails", "LifecycleRuleCreateError", 500, Documented.LifecycleRuleCreateError },
        { "update a rule while the provider fails", "LifecycleRuleUpdateError", 500, Documented.LifecycleRuleUpdateError },
        { "delete a rule while the provider fails", "LifecycleRuleDestroyError", 500, Documented.LifecycleRuleDestroyError },
        { "delete a missing rule", "RecordNotFound", 404, Documented.RecordNotFound },
    };

    [Theory]
    [MemberData(nameof(Errors))]
#pragma warning disable xUnit1026 // The name labels the row in test output.
    public async Task Simulator_DocumentedCause_ProducesDocumentedBody(string cause, string name, int status, string documented)
#pragma warning restore xUnit1026
    {
        var (actualStatus, body) = await Trigger(cause);

        Assert.Equal(status, actualStatus);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(documented), JsonNode.Parse(body)), $"{cause}:\n documented {documented}\n simulated  {body}");
    }

    [Fact]
    public async Task Simulator_SeedShape_ConflictsWithSeedCode()
    {
        await using var seed = await LatitudeSimulator.StartAsync(new SimulatorOptions { Shape = ResponseShape.Seed });
        await Raw.SendAsync(seed, HttpMethod.Post, "/storage/buckets", Token, Raw.Bucket("twice"));

        var (status, body) = await Raw.SendAsync(seed, HttpMethod.Post, "/storage/buckets", Token, Raw.Bucket("twice"));

        Assert.Equal(409, status);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Documented.SeedConflict), JsonNode.Parse(body)), body);
    }

    [Fact]
    public async Task Simulator_OverTheReadLimit_Answers429WithRetryAfterInMeta()
    {
        await using var limited = await LatitudeSimulator.StartAsync(new SimulatorOptions { ReadsPerMinute = 1 });
        await Raw.SendAsync(limited, HttpMethod.Get, "/storage/buckets", Token);

        var (status, body) = await Raw.SendAsync(limited, HttpMethod.Get, "/storage/buckets", Token);

        var error = JsonNode.Parse(body)!["errors"]![0]!;
        var documented = JsonNode.Parse(Documented.RateLimitExceeded)!["errors"]![0]!;
        Assert.Equal(429, status);
        Assert.Equal(Keys(documented), Keys(error));
        Assert.InRange(error["meta"]!["retry_after"]!.GetValue<int>(), 1, 60);
    }

    [Theory]
    [InlineData(ResponseShape.Current, Documented.BucketCreated)]
    [InlineData(ResponseShape.Seed, Documented.SeedBucketCreated)]
    public async Task Simulator_CreateBucket_HasEveryDocumentedAttribute(ResponseShape shape, string documented)
    {
        await using var sim = await LatitudeSimulator.StartAsync(new SimulatorOptions { Shape = shape });

        var (status, body) = await Raw.SendAsync(sim, HttpMethod.Post, "/storage/buckets", Token, Raw.Bucket("my-bucket"));

        var created = JsonNode.Parse(body)!["data"]!;
        Assert.Equal(201, status);
        Assert.StartsWith(shape == ResponseShape.Seed ? "bucket_" : "bkt_", created["id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Superset(Keys(JsonNode.Parse(documented)!["data"]!["attributes"]!).ToHashSet(), Keys(created["attributes"]!).ToHashSet());
        Assert.Equal(shape == ResponseShape.Seed, created["attributes"]!["secret_key"] is not null);
    }

    [Theory]
    [InlineData("standard", "DAL", Documented.AccessKeyCreatedStandard)]
    [InlineData("high_performance", "NYC", Documented.AccessKeyCreatedHighPerformance)]
    public async Task Simulator_CreateAccessKey_UsesTheProvidersFieldNames(string storageClass, string region, string documented)
    {
        await Raw.SendAsync(_sim, HttpMethod.Post, "/storage/buckets", Token, Raw.Bucket("for-keys", region, extra: $",\"storage_class\":\"{storageClass}\""));

        var (status, body) = await Raw.SendAsync(_sim, HttpMethod.Post, "/storage/access_keys", Token, Raw.Key(SimulatorSeed.Project, storageClass, region));

        Assert.Equal(201, status);
        Assert.Equal(Keys(JsonNode.Parse(documented)!["data"]!["attributes"]!["access_key"]!), Keys(JsonNode.Parse(body)!["data"]!["attributes"]!["access_key"]!));
    }

    [Fact]
    public async Task Simulator_ListAccessKeys_GroupsByStorageClassWithoutSecrets()
    {
        await Raw.SendAsync(_sim, HttpMethod.Post, "/storage/buckets", Token, Raw.Bucket("listed"));
        await Raw.SendAsync(_sim, HttpMethod.Post, "/storage/access_keys", Token, Raw.Key(SimulatorSeed.Project, "standard", "DAL"));

        var (_, body) = await Raw.SendAsync(_sim, HttpMethod.Get, "/storage/access_keys?project=" + SimulatorSeed.ProjectSlug, Token);

        var documented = JsonNode.Parse(Documented.AccessKeyList)!["data"]!;
        var listed = JsonNode.Parse(body)!["data"]!;
        Assert.Equal(Keys(documented), Keys(listed));
        Assert.Equal(Keys(documented["standard"]![0]!), Keys(listed["standard"]![0]!));
        Assert.DoesNotContain("secret", body, StringComparison.OrdinalIgnoreCase);
    }

    private static string[] Keys(JsonNode node) => [.. node.AsObject().Select(p => p.Key).Order()];

    private async Task<(int, string)> Trigger(string cause)
    {
        Task<(int, string)> Send(HttpMethod method, string path, string? body = null, string token = Token) => Raw.SendAsync(_sim, method, path, token, body);
        switch (cause)
        {
            case "list without storage": return await Send(HttpMethod.Get, "/storage/buckets", token: SimulatorSeed.NoStorageToken);
            case "get without storage": return await Send(HttpMethod.Get, "/storage/buckets/bkt_x", token: SimulatorSeed.NoStorageToken);
            case "create without storage": return await Send(HttpMethod.Post, "/storage/buckets", Raw.Bucket("abc", project: "proj_nostorage"), SimulatorSeed.NoStorageToken);
            case "create with a read-only token": return await Send(HttpMethod.Post, "/storage/buckets", Raw.Bucket("abc"), SimulatorSeed.ReadOnlyToken);
            case "create in an unknown project": return await Send(HttpMethod.Post, "/storage/buckets", Raw.Bucket("abc", project: "proj_nope"));
            case "create in an unknown region": return await Send(HttpMethod.Post, "/storage/buckets", Raw.Bucket("abc", region: "ATL"));
            case "create a name with spaces": return await Send(HttpMethod.Post, "/storage/buckets", Raw.Bucket("my bucket"));
            case "create high_performance in DAL": return await Send(HttpMethod.Post, "/storage/buckets", Raw.Bucket("fast", extra: ",\"storage_class\":\"high_performance\""));
            case "create twice in one project":
                await Send(HttpMethod.Post, "/storage/buckets", Raw.Bucket("twice"));
                return await Send(HttpMethod.Post, "/storage/buckets", Raw.Bucket("twice"));
            case "create a name another team holds":
                await Send(HttpMethod.Post, "/storage/buckets", Raw.Bucket("popular", project: "proj_other"), SimulatorSeed.OtherTeamToken);
                return await Send(HttpMethod.Post, "/storage/buckets", Raw.Bucket("popular"));
            case "create while the provider fails":
                _sim.Faults.ServerErrorRate = 1;
                return await Send(HttpMethod.Post, "/storage/buckets", Raw.Bucket("abc"));
            case "get a missing bucket": return await Send(HttpMethod.Get, "/storage/buckets/bkt_missing");
            case "delete without storage": return await Send(HttpMethod.Delete, "/storage/buckets/bkt_x", token: SimulatorSeed.NoStorageToken);
            case "delete a missing bucket": return await Send(HttpMethod.Delete, "/storage/buckets/bkt_missing");
            case "delete a non-empty bucket":
                var full = await CreateAsync("full");
                _sim.State.SetObjectCount(full, 3);
                return await Send(HttpMethod.Delete, "/storage/buckets/" + full);
            case "delete while the provider fails":
                var doomed = await CreateAsync("doomed");
                _sim.Faults.ServerErrorRate = 1;
                return await Send(HttpMethod.Delete, "/storage/buckets/" + doomed);
            case "key in an unknown project": return await Send(HttpMethod.Post, "/storage/access_keys", Raw.Key("proj_nope", "standard", "DAL"));
            case "high_performance key without such storage": return await Send(HttpMethod.Post, "/storage/access_keys", Raw.Key(SimulatorSeed.Project, "high_performance", "NYC"));
            case "limited key without permissions": return await Send(HttpMethod.Post, "/storage/access_keys", Raw.Key(SimulatorSeed.Project, "standard", "DAL", "limited_access"));
            case "key in an unknown region": return await Send(HttpMethod.Post, "/storage/access_keys", Raw.Key(SimulatorSeed.Project, "standard", "ATL"));
            case "standard key before any standard bucket": return await Send(HttpMethod.Post, "/storage/access_keys", Raw.Key("proj_second", "standard", "DAL"));
            case "key for another project's bucket":
                var foreign = await CreateAsync("foreign", "proj_second");
                return await Send(HttpMethod.Post, "/storage/access_keys", Raw.Key(SimulatorSeed.Project, "standard", "DAL", "limited_access", $",\"bucket_permissions\":[{{\"bucket_id\":\"{foreign}\",\"permission\":\"rw\"}}]"));
            case "delete a missing key": return await Send(HttpMethod.Delete, "/storage/access_keys/nobody%2Bk%40x.com/standard?project=" + SimulatorSeed.Project);
            case "list keys of an unknown project": return await Send(HttpMethod.Get, "/storage/access_keys?project=proj_nope");
            case "key with an unknown bucket":
                var known = await CreateAsync("known");
                return await Send(HttpMethod.Post, "/storage/access_keys", Raw.Key(SimulatorSeed.Project, "standard", "DAL", "limited_access", $",\"bucket_permissions\":[{{\"bucket_id\":\"{known}\",\"permission\":\"readonly\"}},{{\"bucket_id\":\"bkt_nope\",\"permission\":\"rw\"}}]"));
            case "list rules without storage": return await Send(HttpMethod.Get, "/storage/buckets/bkt_x/lifecycle_rules", token: SimulatorSeed.NoStorageToken);
            case "list rules of a missing bucket": return await Send(HttpMethod.Get, "/storage/buckets/bkt_missing/lifecycle_rules");
            case "create a rule expiring after 0 days":
                return await Send(HttpMethod.Post, $"/storage/buckets/{await CreateAsync("zero-days")}/lifecycle_rules", Rule("expiration_days", "0"));
            case "create a rule while the provider fails":
                var failing = await CreateAsync("failing-rules");
                _sim.Faults.ServerErrorRate = 1;
                return await Send(HttpMethod.Post, $"/storage/buckets/{failing}/lifecycle_rules", Rule());
            case "update a rule while the provider fails": return await FailOnRuleAsync("PATCH", HttpMethod.Patch, Rule());
            case "delete a rule while the provider fails": return await FailOnRuleAsync("DELETE", HttpMethod.Delete);
            case "delete a missing rule": return await Send(HttpMethod.Delete, $"/storage/buckets/{await CreateAsync("no-rules")}/lifecycle_rules/lifecycle_nope");
            default: throw new ArgumentOutOfRangeException(nameof(cause), cause);
        }
    }

    private static string Rule(string field = "expiration_days", string value = "30") =>
        $"{{\"data\":{{\"type\":\"lifecycle_rules\",\"attributes\":{{\"name\":\"old-logs\",\"{field}\":{value}}}}}}}";

    /// <summary>A rule that exists, then a provider that fails the next <paramref name="method"/> on it (a fault without a body: the documented one).</summary>
    private async Task<(int, string)> FailOnRuleAsync(string method, HttpMethod httpMethod, string? body = null)
    {
        var bucket = await CreateAsync("rules-" + method.ToLowerInvariant());
        var (_, created) = await Raw.SendAsync(_sim, HttpMethod.Post, $"/storage/buckets/{bucket}/lifecycle_rules", Token, Rule());
        var path = $"/storage/buckets/{bucket}/lifecycle_rules/{JsonNode.Parse(created)!["data"]!["id"]!.GetValue<string>()}";
        _sim.Faults.RespondNext(method, path, 500);
        return await Raw.SendAsync(_sim, httpMethod, path, Token, body);
    }

    private async Task<string> CreateAsync(string name, string project = SimulatorSeed.Project)
    {
        var (_, body) = await Raw.SendAsync(_sim, HttpMethod.Post, "/storage/buckets", Token, Raw.Bucket(name, project: project));
        return JsonNode.Parse(body)!["data"]!["id"]!.GetValue<string>();
    }
}
