using System.Net;
using BucketOperator.Latitude.Errors;
using BucketOperator.Latitude.Models;
using BucketOperator.Latitude.Tests.Client;
using BucketOperator.TestSupport;

namespace BucketOperator.Latitude.Tests.Contract;

/// <summary><c>GET /storage/usage</c> (object-storage.md §4.1): the documented row, the latest of several, and what a row must carry.</summary>
public sealed class UsageClientTests
{
    private const string Bucket = "bkt_6VE1Wd37dXnZJ";

    [Fact]
    public async Task GetBucketUsage_DocumentedExample_MapsTheRow_AndFiltersByProjectAndBucket()
    {
        var stub = new ScriptedHttpHandler().Respond(HttpStatusCode.OK, Documented.StorageUsage);

        var usage = await Clients.ForStub(stub).GetBucketUsageAsync("proj_6059EqYkOQj8p", Bucket);

        Assert.Equal(
            new BucketUsage
            {
                Bytes = 10737418240,
                Date = new DateOnly(2026, 1, 2),
                Region = "us-east-1",
                Tier = "standard",
                IngestedAt = new DateTimeOffset(2026, 1, 3, 4, 15, 0, TimeSpan.Zero),
            },
            usage);
        Assert.Equal("/storage/usage?filter[project]=proj_6059EqYkOQj8p&filter[storage_id]=bkt_6VE1Wd37dXnZJ", Uri.UnescapeDataString(stub.Requests[0].PathAndQuery));
        Assert.Equal(HttpMethod.Get, stub.Requests[0].Method);
    }

    [Theory]
    [InlineData("""{"data":[]}""")]
    [InlineData("""{"data":null}""")]
    [InlineData("""{}""")]
    public async Task GetBucketUsage_NoRows_IsNull(string body) =>
        Assert.Null(await Clients.ForStub(new ScriptedHttpHandler().Respond(HttpStatusCode.OK, body)).GetBucketUsageAsync("p", Bucket));

    [Fact]
    public async Task GetBucketUsage_SeveralDays_TakesTheLatestDay_ThenTheLatestIngested()
    {
        var body = """
            {"data":[
              {"id":"42_2026-01-03","attributes":{"date":"2026-01-03","storage_id":"42","bytes":300,"ingested_at":"2026-01-04T01:00:00Z"}},
              {"id":"42_2026-01-04a","attributes":{"date":"2026-01-04","storage_id":"42","bytes":400,"ingested_at":"2026-01-05T01:00:00Z"}},
              {"id":"42_2026-01-04b","attributes":{"date":"2026-01-04","storage_id":42,"bytes":"450","ingested_at":"2026-01-05T09:00:00Z"}},
              {"id":"42_2026-01-02","attributes":{"date":"2026-01-02","storage_id":"42","bytes":200}}]}
            """;

        var usage = await Clients.ForStub(new ScriptedHttpHandler().Respond(HttpStatusCode.OK, body)).GetBucketUsageAsync("p", Bucket);

        Assert.Equal((450L, new DateOnly(2026, 1, 4), "42"), (usage!.Bytes, usage.Date, usage.StorageId));
    }

    [Fact]
    public async Task GetBucketUsage_NullableFieldsNullOrAbsent_AndATimestampDate_AreRead()
    {
        var body = """{"data":[{"id":"7_x","type":"storage_usage","attributes":{"date":"2026-01-02T00:00:00Z","storage_type":null,"tier":null,"bytes":0,"raw_value":"n/a","ingested_at":"yesterday"}}]}""";

        var usage = await Clients.ForStub(new ScriptedHttpHandler().Respond(HttpStatusCode.OK, body)).GetBucketUsageAsync("p", Bucket);

        Assert.Equal(new BucketUsage { Bytes = 0, Date = new DateOnly(2026, 1, 2) }, usage);
    }

    [Theory]
    [InlineData("""{"data":[{"id":"42_a","attributes":{"date":"2026-01-02"}}]}""", "usage row 42_a of bucket bkt_6VE1Wd37dXnZJ without the required attribute 'bytes'")]
    [InlineData("""{"data":[{"id":"42_a","attributes":{"bytes":5}}]}""", "usage row 42_a of bucket bkt_6VE1Wd37dXnZJ: 'date' is missing")]
    [InlineData("""{"data":[{"id":"42_a","attributes":{"bytes":5,"date":"soon"}}]}""", "'date' is not a date ('soon')")]
    [InlineData("""{"data":[{"attributes":{"bytes":-1,"date":"2026-01-02"}}]}""", "usage row (no id) of bucket bkt_6VE1Wd37dXnZJ: bytes is -1")]
    [InlineData("""{"data":[{"id":"42_a"}]}""", "usage row 42_a of bucket bkt_6VE1Wd37dXnZJ without attributes")]
    [InlineData("""{"data":[{"attributes":{"bytes":1,"date":"2026-01-02","storage_id":"42"}},{"attributes":{"bytes":2,"date":"2026-01-02","storage_id":"43"}}]}""", "rows for 2 storages (42, 43): the storage filter was not applied")]
    [InlineData("""{"data":{"bytes":1}}""", "unreadable response body")]
    [InlineData("""{"data":[{"attributes":{"bytes":1.5,"date":"2026-01-02"}}]}""", "unreadable response body")]
    public async Task GetBucketUsage_MalformedRows_FailWithContext(string body, string expected)
    {
        var error = await Assert.ThrowsAsync<LatitudeApiException>(() => Clients.ForStub(new ScriptedHttpHandler().Respond(HttpStatusCode.OK, body)).GetBucketUsageAsync("p", Bucket));

        Assert.Equal((LatitudeErrorKind.MalformedResponse, false), (error.Kind, error.OutcomeUnknown));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetBucketUsage_StorageNotEnabled_Throws()
    {
        var error = await Assert.ThrowsAsync<LatitudeApiException>(() =>
            Clients.ForStub(new ScriptedHttpHandler().Respond(HttpStatusCode.Forbidden, Documented.FeatureNotEnabled)).GetBucketUsageAsync("p", Bucket));

        Assert.Equal(LatitudeErrorKind.StorageNotEnabled, error.Kind);
    }
}
