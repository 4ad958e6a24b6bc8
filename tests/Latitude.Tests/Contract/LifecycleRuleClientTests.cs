using System.Net;
using System.Text.Json.Nodes;
using BucketOperator.Latitude.Errors;
using BucketOperator.Latitude.Models;
using BucketOperator.Latitude.Tests.Client;
using BucketOperator.TestSupport;

namespace BucketOperator.Latitude.Tests.Contract;

/// <summary>The client's lifecycle-rule calls against the documented bodies (object-storage.md §6), and the PATCH → PUT fallback.</summary>
public sealed class LifecycleRuleClientTests
{
    private const string Bucket = "bkt_6VE1Wd37dXnZJ";
    private const string RulePath = "/storage/buckets/bkt_6VE1Wd37dXnZJ/lifecycle_rules/lifecycle_7Rk2Wd38dXnZJ";
    private const string BareNotFound = "";

    private static readonly LifecycleRuleRequest OldLogs = new() { Name = "delete-old-logs", Prefix = "logs/", ExpirationDays = 30 };

    [Fact]
    public async Task CreateLifecycleRule_SendsTheDocumentedBody_AndMapsTheDocumentedRule()
    {
        var stub = new ScriptedHttpHandler().Respond(HttpStatusCode.Created, Documented.LifecycleRule);

        var rule = await Clients.ForStub(stub).CreateLifecycleRuleAsync(Bucket, OldLogs);

        Assert.Equal(new LifecycleRule { Id = "lifecycle_7Rk2Wd38dXnZJ", Name = "delete-old-logs", Prefix = "logs/", ExpirationDays = 30 }, rule);
        Assert.Equal((HttpMethod.Post, "/storage/buckets/bkt_6VE1Wd37dXnZJ/lifecycle_rules"), (stub.Requests[0].Method, stub.Requests[0].PathAndQuery));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Documented.CreateLifecycleRuleRequest), JsonNode.Parse(stub.Requests[0].Body)), stub.Requests[0].Body);
        Assert.True(rule.Matches(OldLogs));
    }

    [Fact]
    public async Task ListLifecycleRules_OptionalFieldsMissing_ReadsTheApiDefaults()
    {
        var stub = new ScriptedHttpHandler().Respond(HttpStatusCode.OK, """
            {"data":[{"id":"lifecycle_a","type":"lifecycle_rules","attributes":{"name":"bare"}},
                     {"id":"lifecycle_b","attributes":{"name":"full","enabled":false,"prefix":null,"expiration_days":"7","noncurrent_days":3,"abort_mpu_days_after_initiation":2}}]}
            """);

        var rules = await Clients.ForStub(stub).ListLifecycleRulesAsync(Bucket);

        Assert.Equal(
            [
                new LifecycleRule { Id = "lifecycle_a", Name = "bare" },
                new LifecycleRule { Id = "lifecycle_b", Name = "full", Enabled = false, ExpirationDays = 7, NoncurrentDays = 3, AbortIncompleteMultipartUploadDays = 2 },
            ],
            rules);
    }

    [Theory]
    [InlineData("""{"data":[{"id":"lifecycle_a","attributes":{"expiration_days":3}}]}""", "lifecycle rule lifecycle_a of bucket bkt_6VE1Wd37dXnZJ without the required attribute 'name'")]
    [InlineData("""{"data":[{"attributes":{"name":"x"}}]}""", "a lifecycle rule of bucket bkt_6VE1Wd37dXnZJ without an id")]
    [InlineData("""{"data":[{"id":"lifecycle_a"}]}""", "lifecycle rule lifecycle_a of bucket bkt_6VE1Wd37dXnZJ without attributes")]
    [InlineData("""{"data":[{"id":"lifecycle_a","attributes":{"name":"x","expiration_days":1.5}}]}""", "unreadable response body")]
    public async Task ListLifecycleRules_RuleMissingWhatItMustCarry_IsMalformedWithContext(string body, string expected)
    {
        var error = await Assert.ThrowsAsync<LatitudeApiException>(() => Clients.ForStub(new ScriptedHttpHandler().Respond(HttpStatusCode.OK, body)).ListLifecycleRulesAsync(Bucket));

        Assert.Equal(LatitudeErrorKind.MalformedResponse, error.Kind);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListLifecycleRules_NotFoundEnvelope_IsAMissingBucket_ButABare404Throws()
    {
        var missing = await Clients.ForStub(new ScriptedHttpHandler().Respond(HttpStatusCode.NotFound, Documented.RecordNotFound)).ListLifecycleRulesAsync(Bucket);
        var unrouted = await Assert.ThrowsAsync<LatitudeApiException>(() =>
            Clients.ForStub(new ScriptedHttpHandler().Respond(HttpStatusCode.NotFound, BareNotFound)).ListLifecycleRulesAsync(Bucket));

        Assert.Null(missing);
        Assert.Equal((LatitudeErrorKind.NotFound, false), (unrouted.Kind, unrouted.Error.FromErrorEnvelope));
    }

    public static TheoryData<string, int, string, LatitudeErrorKind, int> Refusals => new()
    {
        // call, status, body, kind, requests sent (a POST once; idempotent calls up to MaxAttempts on transient errors)
        { "create", 500, Documented.LifecycleRuleCreateError, LatitudeErrorKind.ProviderError, 1 },
        { "create", 422, Documented.RuleValidationError, LatitudeErrorKind.Validation, 1 },
        { "create", 403, Documented.RulesStorageNotEnabled, LatitudeErrorKind.StorageNotEnabled, 1 },
        { "create", 403, Documented.UserAuthorizationError, LatitudeErrorKind.Unauthorized, 1 },
        { "create", 404, Documented.RecordNotFound, LatitudeErrorKind.NotFound, 1 },
        { "update", 500, Documented.LifecycleRuleUpdateError, LatitudeErrorKind.ProviderError, 3 },
        { "update", 422, Documented.RuleValidationError, LatitudeErrorKind.Validation, 1 },
        { "update", 404, Documented.RecordNotFound, LatitudeErrorKind.NotFound, 1 },
        { "delete", 500, Documented.LifecycleRuleDestroyError, LatitudeErrorKind.ProviderError, 3 },
        { "list", 403, Documented.RulesStorageNotEnabled, LatitudeErrorKind.StorageNotEnabled, 1 },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task LifecycleRuleCall_DocumentedError_MapsToItsKind(string call, int status, string body, LatitudeErrorKind kind, int requests)
    {
        var stub = new ScriptedHttpHandler();
        for (var i = 0; i < 3; i++)
        {
            stub.Respond((HttpStatusCode)status, body);
        }

        var client = Clients.ForStub(stub);
        var error = await Assert.ThrowsAsync<LatitudeApiException>(() => call switch
        {
            "create" => client.CreateLifecycleRuleAsync(Bucket, OldLogs),
            "update" => client.UpdateLifecycleRuleAsync(Bucket, "lifecycle_7Rk2Wd38dXnZJ", OldLogs),
            "delete" => client.DeleteLifecycleRuleAsync(Bucket, "lifecycle_7Rk2Wd38dXnZJ"),
            _ => client.ListLifecycleRulesAsync(Bucket),
        });

        Assert.Equal((kind, status, requests), (error.Kind, error.HttpStatus, stub.Requests.Count));
        Assert.Equal(JsonNode.Parse(body)!["errors"]![0]!["code"]!.GetValue<string>(), error.Error.Code);
        Assert.Equal(status >= 500 && call != "list", error.OutcomeUnknown);
    }

    [Fact]
    public async Task UpdateLifecycleRule_SendsEveryField_NullsIncluded_ByPatch()
    {
        var stub = new ScriptedHttpHandler().Respond(HttpStatusCode.OK, Documented.LifecycleRule);

        await Clients.ForStub(stub).UpdateLifecycleRuleAsync(Bucket, "lifecycle_7Rk2Wd38dXnZJ", OldLogs with { Prefix = null, Enabled = false });

        var expected = """{"data":{"type":"lifecycle_rules","attributes":{"name":"delete-old-logs","enabled":false,"prefix":null,"expiration_days":30,"noncurrent_days":null,"abort_mpu_days_after_initiation":null}}}""";
        Assert.Equal((HttpMethod.Patch, RulePath), (stub.Requests[0].Method, stub.Requests[0].PathAndQuery));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(stub.Requests[0].Body)), stub.Requests[0].Body);
    }

    [Theory]
    [InlineData(HttpStatusCode.MethodNotAllowed, "")]
    [InlineData(HttpStatusCode.NotFound, BareNotFound)]
    [InlineData(HttpStatusCode.NotFound, """{"status":404,"title":"Not Found"}""")]
    public async Task UpdateLifecycleRule_PatchUnrouted_SendsPut_AndEveryClientOfTheFactoryKeepsPut(HttpStatusCode unrouted, string body)
    {
        var stub = new ScriptedHttpHandler()
            .Respond(unrouted, body)
            .Respond(HttpStatusCode.OK, Documented.LifecycleRule)
            .Respond(HttpStatusCode.OK, Documented.LifecycleRule);
        var factory = Factory(stub);

        var first = await factory.ForToken("token-a").UpdateLifecycleRuleAsync(Bucket, "lifecycle_7Rk2Wd38dXnZJ", OldLogs);
        await factory.ForToken("token-b").UpdateLifecycleRuleAsync(Bucket, "lifecycle_7Rk2Wd38dXnZJ", OldLogs);

        Assert.Equal([HttpMethod.Patch, HttpMethod.Put, HttpMethod.Put], stub.Requests.Select(r => r.Method));
        Assert.Equal(stub.Requests[0].Body, stub.Requests[1].Body);
        Assert.Equal("lifecycle_7Rk2Wd38dXnZJ", first.Id);
    }

    [Fact]
    public async Task UpdateLifecycleRule_PutUnroutedToo_SwitchesBackToPatch()
    {
        var stub = new ScriptedHttpHandler()
            .Respond(HttpStatusCode.MethodNotAllowed, "")
            .Respond(HttpStatusCode.OK, Documented.LifecycleRule)
            .Respond(HttpStatusCode.MethodNotAllowed, "")
            .Respond(HttpStatusCode.OK, Documented.LifecycleRule);
        var client = Factory(stub).ForToken("t");

        await client.UpdateLifecycleRuleAsync(Bucket, "lifecycle_7Rk2Wd38dXnZJ", OldLogs);
        await client.UpdateLifecycleRuleAsync(Bucket, "lifecycle_7Rk2Wd38dXnZJ", OldLogs);

        Assert.Equal([HttpMethod.Patch, HttpMethod.Put, HttpMethod.Put, HttpMethod.Patch], stub.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task UpdateLifecycleRule_ApisOwnNotFound_IsARuleGone_NotAMissingRoute()
    {
        var stub = new ScriptedHttpHandler().Respond(HttpStatusCode.NotFound, Documented.RecordNotFound);

        var error = await Assert.ThrowsAsync<LatitudeApiException>(() => Clients.ForStub(stub).UpdateLifecycleRuleAsync(Bucket, "lifecycle_gone", OldLogs));

        Assert.Equal(LatitudeErrorKind.NotFound, error.Kind);
        Assert.Equal([HttpMethod.Patch], stub.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task DeleteLifecycleRule_AlreadyGone_IsFalse()
    {
        var stub = new ScriptedHttpHandler().Respond(HttpStatusCode.NoContent, "").Respond(HttpStatusCode.NotFound, Documented.RecordNotFound);
        var client = Clients.ForStub(stub);

        Assert.True(await client.DeleteLifecycleRuleAsync(Bucket, "lifecycle_7Rk2Wd38dXnZJ"));
        Assert.False(await client.DeleteLifecycleRuleAsync(Bucket, "lifecycle_7Rk2Wd38dXnZJ"));
        Assert.Equal((HttpMethod.Delete, RulePath), (stub.Requests[0].Method, stub.Requests[0].PathAndQuery));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", null)]
    [InlineData("logs/", "logs/")]
    public void Matches_SamePrefixOrWholeBucketEitherWay_IsTrue(string? listed, string? wanted)
    {
        var rule = new LifecycleRule { Id = "lifecycle_a", Name = "n", Prefix = listed, ExpirationDays = 5 };

        Assert.True(rule.Matches(new LifecycleRuleRequest { Name = "n", Prefix = wanted, ExpirationDays = 5 }));
    }

    [Fact]
    public void Matches_AnyFieldDifferent_IsFalse()
    {
        var rule = new LifecycleRule { Id = "lifecycle_a", Name = "n", Prefix = "a/", ExpirationDays = 5, NoncurrentDays = 2, AbortIncompleteMultipartUploadDays = 1 };
        var same = new LifecycleRuleRequest { Name = "n", Prefix = "a/", ExpirationDays = 5, NoncurrentDays = 2, AbortIncompleteMultipartUploadDays = 1 };

        Assert.True(rule.Matches(same));
        Assert.All(
            [same with { Name = "m" }, same with { Prefix = "b/" }, same with { Prefix = null }, same with { ExpirationDays = 6 }, same with { Enabled = false },
             same with { NoncurrentDays = null }, same with { AbortIncompleteMultipartUploadDays = 3 }],
            changed => Assert.False(rule.Matches(changed), changed.ToString()));
        Assert.False((rule with { ExpirationDays = null }).Matches(same));
    }

    private static LatitudeClientFactory Factory(ScriptedHttpHandler stub)
    {
        var options = Clients.FastOptions(new Uri("https://api.test"));
        return new LatitudeClientFactory(LatitudeClientFactory.CreateHttpClient(options, stub), options);
    }
}
