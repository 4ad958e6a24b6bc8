using System.Collections.Concurrent;
using System.Diagnostics;
using BucketOperator.Kubernetes.Cache;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;
using BucketOperator.TestSupport;
using Xunit.Abstractions;

namespace BucketOperator.Kubernetes.Tests.Integration;

public sealed class InformerTests(ControlPlaneFixture fixture, ITestOutputHelper output) : NamespacedTest(fixture), IDisposable
{
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromMinutes(2));

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    [Fact]
    public async Task Informer_ObjectAddedUpdatedDeleted_HandlerSeesEachInOrder()
    {
        var (informer, handler) = await StartAsync<V1ConfigMap>(Client);

        var created = await Client.CreateAsync(ConfigMap("a", "1"));
        await Client.ReplaceAsync(created with { Data = new Dictionary<string, string> { ["v"] = "2" } });
        await Client.DeleteAsync<V1ConfigMap>("a", Namespace);

        await Eventually.TrueAsync(() => Task.FromResult(handler.Seen.Count == 3), "three notifications");
        Assert.Equal(["add a", "update a", "delete a"], handler.Summary());
        Assert.False(handler.Seen[2].FinalStateUnknown);
        Assert.Null(informer.Cache.Get(new ObjectKey(Namespace, "a")));
    }

    [Fact]
    public async Task Informer_ObjectAppliedByKubectl_CachedWithoutLastAppliedConfigurationOrManagedFields()
    {
        var (informer, handler) = await StartAsync<V1ConfigMap>(Client, new InformerOptions { Namespaces = [Namespace], CheckReadOnly = true });
        var applied = ConfigMap("a", "1");
        applied.Metadata.Annotations = new Dictionary<string, string>
        {
            ["kubectl.kubernetes.io/last-applied-configuration"] = new string('x', 4096),
            ["team"] = "blue",
        };
        await Client.CreateAsync(applied);
        var listed = await Client.SendRawAsync(HttpMethod.Get, $"/api/v1/namespaces/{Namespace}/configmaps/a");

        await Eventually.TrueAsync(() => Task.FromResult(handler.Seen.Count == 1), "the add");
        var cached = informer.Cache.Get(new ObjectKey(Namespace, "a"))!;
        Assert.Equal(["team"], cached.Metadata.Annotations!.Keys);
        Assert.Null(cached.Metadata.ManagedFields);
        Assert.Contains("\"managedFields\"", await listed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(informer.ReadOnlyViolations);
    }

    [Fact]
    public async Task Informer_DeletedAndRecreatedWhileWatching_SeesDeleteThenAddWithNewUid()
    {
        var (informer, handler) = await StartAsync<V1ConfigMap>(Client);
        var first = await Client.CreateAsync(ConfigMap("a", "1"));

        await Client.DeleteAsync<V1ConfigMap>("a", Namespace);
        var second = await Client.CreateAsync(ConfigMap("a", "2"));

        await Eventually.TrueAsync(() => Task.FromResult(handler.Seen.Count == 3), "three notifications");
        Assert.Equal(["add a", "delete a", "add a"], handler.Summary());
        Assert.Equal([first.Metadata.Uid, first.Metadata.Uid, second.Metadata.Uid], handler.Seen.Select(n => n.Uid));
        Assert.Equal(second.Metadata.Uid, informer.Cache.Get(new ObjectKey(Namespace, "a"))!.Metadata.Uid);
    }

    [Fact]
    public async Task Informer_ServerClosesStreamsDuringWrites_NothingLostOrDuplicated()
    {
        using var client = new DisconnectableClient(Client);
        var (informer, handler) = await StartAsync<V1ConfigMap>(client, new InformerOptions { Namespaces = [Namespace], WatchTimeout = TimeSpan.FromSeconds(1) });
        var versions = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            var created = await Client.CreateAsync(ConfigMap($"c{i}", "0"));
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            var updated = await Client.ReplaceAsync(created with { Data = new Dictionary<string, string> { ["v"] = "1" } });
            versions.AddRange([created.Metadata.ResourceVersion!, updated.Metadata.ResourceVersion!]);
            await Task.Delay(TimeSpan.FromMilliseconds(300));
        }

        await Eventually.TrueAsync(() => Task.FromResult(handler.Seen.Count >= versions.Count), "every change delivered");
        await Task.Delay(TimeSpan.FromSeconds(2));

        var delivered = handler.Seen.Where(n => n.Verb is "add" or "update").Select(n => n.ResourceVersion!).ToList();
        Assert.Equal(versions, delivered);
        Assert.Equal(8, informer.Cache.List().Count);
        Assert.True(client.Watches >= 3, $"expected the server to end several streams, saw {client.Watches} watch(es)");
    }

    [Fact]
    public async Task Informer_HistoryCompactedWhileDisconnected_RelistsAndActsOnEveryChange()
    {
        using var client = new DisconnectableClient(Client);
        var (informer, handler) = await StartAsync<V1ConfigMap>(client);
        var updated = await Client.CreateAsync(ConfigMap("updated", "0"));
        await Client.CreateAsync(ConfigMap("deleted", "0"));
        var recreatedOld = await Client.CreateAsync(ConfigMap("recreated", "0"));
        await Eventually.TrueAsync(() => Task.FromResult(handler.Seen.Count == 3), "the first objects");

        client.Disconnect();
        await Client.ReplaceAsync(updated with { Data = new Dictionary<string, string> { ["v"] = "1" } });
        await Client.DeleteAsync<V1ConfigMap>("deleted", Namespace);
        await Client.CreateAsync(ConfigMap("added", "0"));
        await Client.DeleteAsync<V1ConfigMap>("recreated", Namespace);
        var recreatedNew = await Client.CreateAsync(ConfigMap("recreated", "1"));
        await Plane.CompactEtcdAsync();
        var listsBefore = client.Lists;
        client.Reconnect();

        await Eventually.TrueAsync(() => Task.FromResult(CacheMatchesServerAsync(informer).Result), "the cache equals the server's list");
        Assert.True(client.Lists > listsBefore, "expected a relist after the history was compacted");
        var afterGap = handler.Seen.Skip(3).Where(n => n.Verb != "update" || n.Name == "updated").ToList();
        Assert.Contains(afterGap, n => n is { Verb: "update", Name: "updated" });
        Assert.Contains(afterGap, n => n is { Verb: "delete", Name: "deleted", FinalStateUnknown: true });
        Assert.Contains(afterGap, n => n is { Verb: "add", Name: "added" });
        Assert.Contains(afterGap, n => n.Verb == "delete" && n.Name == "recreated" && n.Uid == recreatedOld.Metadata.Uid);
        Assert.Contains(afterGap, n => n.Verb == "add" && n.Name == "recreated" && n.Uid == recreatedNew.Metadata.Uid);
    }

    [Fact]
    public async Task Informer_Disconnected_SilenceGrowsUntilTheServerIsHeardFromAgain()
    {
        using var client = new DisconnectableClient(Client);
        var (informer, _) = await StartAsync<V1ConfigMap>(client);
        Assert.True(informer.SinceLastContact < TimeSpan.FromSeconds(2), $"just listed, yet silent for {informer.SinceLastContact}");

        client.Disconnect();
        // Changes a connected watch would hear about at once: only the cut keeps the informer from them.
        for (var i = 0; i < 6; i++)
        {
            await Client.CreateAsync(ConfigMap($"during-{i}", "0"));
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        var silence = informer.SinceLastContact;
        client.Reconnect();

        Assert.True(silence >= TimeSpan.FromSeconds(2.5), $"cut off for 3 s while objects changed, yet silent for only {silence}");
        await Eventually.TrueAsync(() => Task.FromResult(informer.SinceLastContact < TimeSpan.FromSeconds(1)), "the watch is heard from again");
    }

    [Fact]
    public async Task Informer_ListContinueTokenExpires_ListsAgainFromTheStart()
    {
        for (var i = 0; i < 5; i++)
        {
            await Client.CreateAsync(ConfigMap($"p{i}", "0"));
        }

        using var client = new DisconnectableClient(Client)
        {
            ListFailure = (2, new KubernetesApiException("LIST configmaps", new V1Status { Code = 410, Reason = "Expired", Message = "continue token expired" })),
        };
        var (informer, handler) = await StartAsync<V1ConfigMap>(client, new InformerOptions { Namespaces = [Namespace], PageSize = 2 });

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"p{i}"), informer.Cache.List().Select(c => c.Metadata.Name).Order());
        Assert.Equal(5, handler.Seen.Count);
        Assert.Equal(5, client.Lists); // page 1, the expired page 2, then three pages from the start
    }

    [Fact]
    public async Task Informer_LabelSelector_CachesOnlyLabelledSecrets()
    {
        var options = new InformerOptions { Namespaces = [Namespace], LabelSelector = "app.kubernetes.io/managed-by=test" };
        var (informer, handler) = await StartAsync<V1Secret>(Client, options);

        await Client.CreateAsync(Secret("plain", labelled: false));
        var labelled = await Client.CreateAsync(Secret("ours", labelled: true));
        await Eventually.TrueAsync(() => Task.FromResult(informer.Cache.Get(new ObjectKey(Namespace, "ours")) is not null), "the labelled Secret is cached");
        labelled.Metadata.Labels!.Clear();
        await Client.ReplaceAsync(labelled);

        await Eventually.TrueAsync(() => Task.FromResult(handler.Seen.Count == 2), "the label removal seen as a delete");
        Assert.Equal(["add ours", "delete ours"], handler.Summary());
        Assert.Empty(informer.Cache.List());
    }

    [Fact]
    public async Task Informer_SeveralNamespaces_CachesExactlyThoseAndFollowsEach()
    {
        var other = await CreateNamespaceAsync();
        var unwatched = await CreateNamespaceAsync();
        await Client.CreateAsync(ConfigMap("a", "0"));
        await Client.CreateAsync(ConfigMap("b", "0") with { Metadata = new V1ObjectMeta { Name = "b", NamespaceProperty = other } });
        await Client.CreateAsync(ConfigMap("c", "0") with { Metadata = new V1ObjectMeta { Name = "c", NamespaceProperty = unwatched } });

        var (informer, handler) = await StartAsync<V1ConfigMap>(Client, new InformerOptions { Namespaces = [Namespace, other] });
        var listed = Names(informer);
        await Client.CreateAsync(ConfigMap("d", "0") with { Metadata = new V1ObjectMeta { Name = "d", NamespaceProperty = unwatched } });
        await Client.DeleteAsync<V1ConfigMap>("b", other);
        await Client.CreateAsync(ConfigMap("e", "0") with { Metadata = new V1ObjectMeta { Name = "e", NamespaceProperty = other } });

        await Eventually.TrueAsync(() => Task.FromResult(handler.Seen.Count == 4), "the delete and the add in the second namespace");
        Assert.Equal(new[] { $"{Namespace}/a", $"{other}/b" }.Order(StringComparer.Ordinal), listed);
        Assert.Equal(["add a", "add b", "delete b", "add e"], handler.Summary().Take(2).Order().Concat(handler.Summary().Skip(2)));
        Assert.Equal(new[] { $"{Namespace}/a", $"{other}/e" }.Order(StringComparer.Ordinal), Names(informer));
    }

    [Fact]
    public async Task Informer_OneNamespaceRelists_TheOthersObjectsStayWithoutNotifications()
    {
        var other = await CreateNamespaceAsync();
        await Client.CreateAsync(ConfigMap("a", "0"));
        await Client.CreateAsync(ConfigMap("b", "0") with { Metadata = new V1ObjectMeta { Name = "b", NamespaceProperty = other } });
        var client = new HistoryLostOnceClient(Client, other);

        var (informer, handler) = await StartAsync<V1ConfigMap>(client, new InformerOptions { Namespaces = [Namespace, other] });
        await Eventually.TrueAsync(() => Task.FromResult(handler.Seen.Count == 3), "the second namespace listed again after its watch lost history");

        Assert.Equal((1, 2), (client.ListsOf(Namespace), client.ListsOf(other)));
        Assert.Equal(new[] { $"{Namespace}/a", $"{other}/b" }.Order(StringComparer.Ordinal), Names(informer));
        Assert.Equal(["add a", "add b", "resync b"], handler.Summary().Take(2).Order().Concat(handler.Summary().Skip(2)));
    }

    [Fact]
    public void InformerOptions_EmptyNamespaceName_Refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new Informer<V1ConfigMap>(Client, new InformerOptions { Namespaces = [Namespace, " "] }));

        Assert.Contains("Namespaces", error.Message);
    }

    [Fact]
    public async Task Informer_ResyncPeriodPasses_ReplaysEveryCachedObjectAsUpdate()
    {
        var time = new FakeTimeProvider();
        await Client.CreateAsync(ConfigMap("a", "0"));
        await Client.CreateAsync(ConfigMap("b", "0"));
        var (_, handler) = await StartAsync<V1ConfigMap>(Client, new InformerOptions { Namespaces = [Namespace], ResyncPeriod = TimeSpan.FromMinutes(10) }, time);

        time.Advance(TimeSpan.FromMinutes(9));
        var beforePeriod = handler.Summary(n => n.Verb == "resync").Count;
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(0, beforePeriod);
        Assert.Equal(["resync a", "resync b"], handler.Summary(n => n.Verb == "resync").Order());
    }

    [Fact]
    public async Task Informer_HandlerThrows_OtherHandlersAndCacheStayCorrect()
    {
        var (informer, handler) = await StartAsync<V1ConfigMap>(Client);
        informer.AddEventHandler(new ResourceEventHandler<V1ConfigMap>(_ => throw new InvalidOperationException("handler bug")));
        var late = new RecordingHandler<V1ConfigMap>();
        informer.AddEventHandler(late);

        await Client.CreateAsync(ConfigMap("a", "0"));

        await Eventually.TrueAsync(() => Task.FromResult(late.Seen.Count == 1 && handler.Seen.Count == 1), "both good handlers notified");
        Assert.NotNull(informer.Cache.Get(new ObjectKey(Namespace, "a")));
    }

    /// <summary>Not a timed assertion: prints the latency for the record and checks that no change was missed.</summary>
    [Fact]
    public async Task Informer_SecretChanges_EveryChangeReachesTheHandler_MeasuresLatency()
    {
        const int Changes = 200;
        var options = new InformerOptions { Namespaces = [Namespace], LabelSelector = "app.kubernetes.io/managed-by=test" };
        var seenAt = new ConcurrentDictionary<string, long>();
        var informer = new Informer<V1Secret>(Client, options);
        informer.AddEventHandler(new ResourceEventHandler<V1Secret>(s => seenAt.TryAdd(s.Metadata.ResourceVersion!, Stopwatch.GetTimestamp())));
        _ = Task.Run(() => informer.RunAsync(_stop.Token));
        await informer.WaitForSyncAsync(_stop.Token);
        var secret = await Client.CreateAsync(Secret("measured", labelled: true));

        var sentAt = new Dictionary<string, long>();
        var writes = new List<double>();
        for (var i = 0; i < Changes; i++)
        {
            var start = Stopwatch.GetTimestamp();
            secret = await Client.ReplaceAsync(secret with { StringData = new Dictionary<string, string> { ["k"] = $"v{i}" } });
            writes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            sentAt[secret.Metadata.ResourceVersion!] = start;
        }

        await Eventually.TrueAsync(() => Task.FromResult(sentAt.Keys.All(seenAt.ContainsKey)), "every change seen by the handler");
        var latencies = sentAt.Select(p => Stopwatch.GetElapsedTime(p.Value, seenAt[p.Key]).TotalMilliseconds).Order().ToList();
        output.WriteLine($"Secret change → handler over {Changes} changes (write sent → handler ran): p50 {Percentile(latencies, 0.5):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms, max {latencies[^1]:0.0} ms; write round trip p50 {Percentile(writes.Order().ToList(), 0.5):0.0} ms");
    }

    private static List<string> Names(Informer<V1ConfigMap> informer) => [.. informer.Cache.List().Select(c => $"{c.Metadata.NamespaceProperty}/{c.Metadata.Name}").Order(StringComparer.Ordinal)];

    private async Task<string> CreateNamespaceAsync()
    {
        var created = await Client.CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { GenerateName = "test-" } });
        return created.Metadata.Name!;
    }

    private static double Percentile(IReadOnlyList<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];

    private async Task<bool> CacheMatchesServerAsync(Informer<V1ConfigMap> informer)
    {
        var server = (await Client.ListAsync<V1ConfigMap>(Namespace)).Items.Select(c => (c.Metadata.Name, c.Metadata.Uid, c.Metadata.ResourceVersion)).Order();
        var cached = informer.Cache.List().Select(c => (c.Metadata.Name, c.Metadata.Uid, c.Metadata.ResourceVersion)).Order();
        return server.SequenceEqual(cached);
    }

    private async Task<(Informer<T> Informer, RecordingHandler<T> Handler)> StartAsync<T>(IKubernetesClient client, InformerOptions? options = null, TimeProvider? time = null)
        where T : class, IKubernetesObject
    {
        var informer = new Informer<T>(client, options ?? new InformerOptions { Namespaces = [Namespace] }, time: time);
        var handler = new RecordingHandler<T>();
        informer.AddEventHandler(handler);
        _ = Task.Run(() => informer.RunAsync(_stop.Token));
        await informer.WaitForSyncAsync(_stop.Token);
        return (informer, handler);
    }

    private V1ConfigMap ConfigMap(string name, string value) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
        Data = new Dictionary<string, string> { ["v"] = value },
    };

    private V1Secret Secret(string name, bool labelled) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = Namespace,
            Labels = labelled ? new Dictionary<string, string> { ["app.kubernetes.io/managed-by"] = "test" } : null,
        },
        StringData = new Dictionary<string, string> { ["k"] = "v" },
    };
}
