using System.Net;
using BucketOperator.TestSupport;

namespace BucketOperator.Latitude.Tests.Client;

/// <summary><c>created_at</c> in the shapes a timestamp is seen in: each reads as the same instant, and an unreadable one as absent, never failing the list.</summary>
public sealed class TimestampShapeTests
{
    [Theory]
    [InlineData("\"2026-03-19T10:30:00.000Z\"")]
    [InlineData("\"2026-03-19T10:30:00Z\"")]
    [InlineData("\"2026-03-19T12:30:00+02:00\"")]
    [InlineData("\"2026-03-19T10:30:00\"")]
    [InlineData("\"2026-03-19 10:30:00 UTC\"")]
    [InlineData("1773916200")]
    public async Task ListBuckets_CreatedAtInAnyShape_ReadsAsTheSameInstant(string createdAt)
    {
        var buckets = await ListAsync(createdAt);

        Assert.Equal(new DateTimeOffset(2026, 3, 19, 10, 30, 0, TimeSpan.Zero), buckets[0].CreatedAt);
        Assert.Null(buckets[1].CreatedAt);
    }

    [Theory]
    [InlineData("\"yesterday\"")]
    [InlineData("true")]
    [InlineData("{\"at\":1}")]
    [InlineData("null")]
    public async Task ListBuckets_CreatedAtUnreadable_IsAbsentAndTheRestOfTheListStands(string createdAt)
    {
        var buckets = await ListAsync(createdAt);

        Assert.Equal((2, null, "b"), (buckets.Count, buckets[0].CreatedAt, buckets[1].BucketName));
    }

    private static async Task<IReadOnlyList<Models.Bucket>> ListAsync(string createdAt)
    {
        var body = """{"data":[{"id":"bkt_a","type":"object_storages","attributes":{"name":"a","bucket_name":"a","storage_class":"standard","created_at":"""
            + createdAt
            + ""","region":{"id":"DAL"}}},{"id":"bkt_b","type":"object_storages","attributes":{"name":"b","bucket_name":"b","storage_class":"standard","region":{"id":"DAL"}}}]}""";
        var client = Clients.ForStub(new ScriptedHttpHandler().Respond(HttpStatusCode.OK, body));
        return await client.ListBucketsAsync("proj");
    }
}
