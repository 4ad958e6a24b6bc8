using System.Net;
using System.Text.Json.Nodes;
using BucketOperator.Latitude.Errors;
using BucketOperator.Latitude.Tests.Client;
using BucketOperator.TestSupport;

namespace BucketOperator.Latitude.Tests.Contract;

/// <summary>
/// What a bucket body must carry (object-storage.md §3): id, name, bucket_name and storage_class are not
/// nullable, so their absence is a malformed answer; versioning, locking and retention_mode are nullable,
/// so their absence reads as off.
/// </summary>
public sealed class BucketRequiredFieldsTests
{
    [Theory]
    [InlineData("name")]
    [InlineData("bucket_name")]
    [InlineData("storage_class")]
    public async Task GetBucket_RequiredFieldMissing_IsMalformedNamingTheFieldAndBucket(string field)
    {
        var body = JsonNode.Parse(Documented.BucketGet)!;
        body["data"]!["attributes"]!.AsObject().Remove(field);

        var error = await Assert.ThrowsAsync<LatitudeApiException>(() => Get(body.ToJsonString()));

        Assert.Equal(LatitudeErrorKind.MalformedResponse, error.Kind);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.Contains("bkt_6VE1Wd37dXnZJ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("null")]
    public async Task GetBucket_NullableFlagsMissingOrNull_ReadAsOff(string? value)
    {
        var body = JsonNode.Parse(Documented.BucketGet)!;
        var attributes = body["data"]!["attributes"]!.AsObject();
        foreach (var field in new[] { "versioning", "locking", "retention_mode" })
        {
            attributes.Remove(field);
            if (value is not null)
            {
                attributes[field] = JsonNode.Parse(value);
            }
        }

        var bucket = await Get(body.ToJsonString());

        Assert.Equal((false, false, "NONE"), (bucket!.Versioning, bucket.Locking, bucket.RetentionMode));
    }

    private static Task<Models.Bucket?> Get(string body) =>
        Clients.ForStub(new ScriptedHttpHandler().Respond(HttpStatusCode.OK, body)).GetBucketAsync("bkt_6VE1Wd37dXnZJ");
}
