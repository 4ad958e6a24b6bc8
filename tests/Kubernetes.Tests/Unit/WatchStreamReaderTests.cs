using System.Text;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Serialization;
using BucketOperator.Kubernetes.Watch;

namespace BucketOperator.Kubernetes.Tests.Unit;

public sealed class WatchStreamReaderTests
{
    private static readonly string[] Lines =
    [
        """{"type":"ADDED","object":{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"a","namespace":"n","resourceVersion":"10"},"data":{"k":"v"}}}""",
        "",
        """{"type":"BOOKMARK","object":{"kind":"ConfigMap","apiVersion":"v1","metadata":{"resourceVersion":"12"}}}""",
        """{"type":"DELETED","object":{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"a","namespace":"n","resourceVersion":"13"}}}""",
    ];

    [Fact]
    public async Task ReadAsync_LineDelimitedEvents_YieldsEachInOrderThenNull()
    {
        using var reader = Reader(string.Join('\n', Lines));

        var added = await reader.ReadAsync(CancellationToken.None);
        var bookmark = await reader.ReadAsync(CancellationToken.None);
        var deleted = await reader.ReadAsync(CancellationToken.None);

        Assert.Equal((WatchEventType.Added, "10", "v"), (added!.Type, added.ResourceVersion, added.Object!.Data!["k"]));
        Assert.Equal((WatchEventType.Bookmark, "12", null), (bookmark!.Type, bookmark.ResourceVersion, bookmark.Object));
        Assert.Equal(WatchEventType.Deleted, deleted!.Type);
        Assert.Null(await reader.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_ErrorEventExpired_ThrowsGoneWithServerStatus()
    {
        using var reader = Reader("""{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","status":"Failure","message":"too old resource version: 5 (90)","reason":"Expired","code":410}}""");

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => reader.ReadAsync(CancellationToken.None));

        Assert.True(error.IsGone);
        Assert.Equal("too old resource version: 5 (90)", error.Status.Message);
        Assert.Contains("WATCH /test", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"ADDED"}""")]
    [InlineData("""{"type":"RENAMED","object":{"metadata":{}}}""")]
    [InlineData("not json")]
    public async Task ReadAsync_MalformedLine_ThrowsInvalidDataWithContext(string line)
    {
        using var reader = Reader(line);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => reader.ReadAsync(CancellationToken.None));

        Assert.StartsWith("WATCH /test", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_BookmarkOfKindWithRequiredMembers_YieldsOnlyTheVersion()
    {
        var line = """{"type":"BOOKMARK","object":{"kind":"Strict","apiVersion":"test.bucket-operator.dev/v1","metadata":{"resourceVersion":"77"}}}""";
        using var reader = new WatchStreamReader<Strict>(new MemoryStream(Encoding.UTF8.GetBytes(line)), KubernetesJson.Create(StrictJsonContext.Default), "WATCH /test");

        var bookmark = await reader.ReadAsync(CancellationToken.None);

        Assert.Equal((WatchEventType.Bookmark, "77", true), (bookmark!.Type, bookmark.ResourceVersion, bookmark.IsBookmark));
    }

    private static WatchStreamReader<V1ConfigMap> Reader(string text) =>
        new(new MemoryStream(Encoding.UTF8.GetBytes(text)), KubernetesJson.Default, "WATCH /test");
}
