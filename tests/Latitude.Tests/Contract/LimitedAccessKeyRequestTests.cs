using System.Net;
using System.Text.Json.Nodes;
using BucketOperator.Latitude.Models;
using BucketOperator.Latitude.Tests.Client;
using BucketOperator.TestSupport;

namespace BucketOperator.Latitude.Tests.Contract;

/// <summary>A limited_access key to several buckets, each readonly or rw (object-storage.md §5.1).</summary>
public sealed class LimitedAccessKeyRequestTests
{
    [Fact]
    public async Task ForBuckets_SendsTheDocumentedRequestBody()
    {
        var stub = new ScriptedHttpHandler().Respond(HttpStatusCode.Created, Documented.AccessKeyCreatedStandard);
        var request = CreateAccessKeyRequest.ForBuckets(
            "proj_6059EqYkOQj8p", StorageClasses.Standard, "my-limited-key", "DAL",
            [BucketPermission.ReadOnlyOn("bkt_6VE1Wd37dXnZJ"), BucketPermission.ReadWriteOn("bkt_7WF2Xe48eYoAK")]);

        await Clients.ForStub(stub).CreateAccessKeyAsync(request);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Documented.CreateAccessKeyRequest), JsonNode.Parse(stub.Requests[0].Body)), stub.Requests[0].Body);
    }

    [Fact]
    public void ForBucket_IsAnRwKeyToThatBucketOnly()
    {
        var bucket = new Bucket { Id = "bkt_a", Name = "a", BucketName = "a", StorageClass = StorageClasses.HighPerformance };

        var request = CreateAccessKeyRequest.ForBucket("proj", bucket, "key", "NYC");

        Assert.Equal((AccessScopes.Limited, StorageClasses.HighPerformance), (request.AccessScope, request.StorageClass));
        Assert.Equal([new BucketPermission("bkt_a", BucketPermission.ReadWrite)], request.BucketPermissions);
    }

    public static TheoryData<BucketPermission[], string> Refused => new()
    {
        { [], "at least one bucket permission" },
        { [new("bkt_a", "write")], "bucket bkt_a: permission 'write' is neither readonly nor rw" },
        { [BucketPermission.ReadOnlyOn("bkt_a"), BucketPermission.ReadWriteOn("bkt_a")], "bucket bkt_a is listed more than once" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void ForBuckets_WhatTheApiWouldRefuse_ThrowsBeforeAnyCall(BucketPermission[] permissions, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => CreateAccessKeyRequest.ForBuckets("proj", StorageClasses.Standard, "k", "DAL", permissions));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
