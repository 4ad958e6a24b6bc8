using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Watch;
using BucketOperator.TestSupport;

namespace BucketOperator.Kubernetes.Tests.Integration;

public sealed class WatchTests(ControlPlaneFixture fixture) : NamespacedTest(fixture)
{

    [Fact]
    public async Task Watch_FromListVersion_SeesAddModifyDeleteInOrder()
    {
        var list = await Client.ListAsync<V1ConfigMap>(Namespace);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var events = new List<(WatchEventType, string?)>();
        var watching = Task.Run(async () =>
        {
            var options = new ListOptions { ResourceVersion = list.Metadata.ResourceVersion, TimeoutSeconds = 30 };
            await foreach (var e in Client.WatchAsync<V1ConfigMap>(Namespace, options, timeout.Token))
            {
                events.Add((e.Type, e.Object!.Data?["v"]));
                if (e.Type == WatchEventType.Deleted)
                {
                    return;
                }
            }
        });

        var created = await Client.CreateAsync(ConfigMap("w", "1"));
        await Client.ReplaceAsync(created with { Data = new Dictionary<string, string> { ["v"] = "2" } });
        await Client.DeleteAsync<V1ConfigMap>("w", Namespace);
        await watching;

        Assert.Equal([(WatchEventType.Added, "1"), (WatchEventType.Modified, "2"), (WatchEventType.Deleted, "2")], events);
    }

    [Fact]
    public async Task ResumingWatch_ServerClosesStreams_ReconnectsWithoutLosingOrRepeatingEvents()
    {
        var list = await Client.ListAsync<V1ConfigMap>(Namespace);
        // The server ends each connection after 1–2 s; the writes below span several connections.
        var watch = new ResumingWatch<V1ConfigMap>(Client, new ResumingWatchOptions
        {
            ResourceVersion = list.Metadata.ResourceVersion!,
            Namespace = Namespace,
            MinimumTimeout = TimeSpan.FromSeconds(1),
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var seen = new List<string>();
        var watching = Task.Run(async () =>
        {
            await foreach (var e in watch.WatchAsync(timeout.Token))
            {
                seen.Add(e.Object!.Metadata.Name!);
                if (seen.Count == 6)
                {
                    return;
                }
            }
        });

        for (var i = 0; i < 6; i++)
        {
            await Client.CreateAsync(ConfigMap($"r{i}", "x"));
            await Task.Delay(TimeSpan.FromMilliseconds(900));
        }

        await watching;

        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"r{i}"), seen);
        Assert.True(watch.Connections >= 2, $"expected the server to close at least one stream, saw {watch.Connections} connection(s)");
    }

    [Fact]
    public async Task ResumingWatch_FromCompactedResourceVersion_ThrowsGone()
    {
        var stale = (await Client.CreateAsync(ConfigMap("old", "0"))).Metadata.ResourceVersion!;
        // ConfigMap watches read etcd directly in the test control plane (see ControlPlaneArguments), so
        // compacting etcd past the stale version removes the history a resumed watch would need.
        var current = await Client.GetAsync<V1ConfigMap>("old", Namespace);
        for (var i = 1; i <= 3; i++)
        {
            current = await Client.ReplaceAsync(current! with { Data = new Dictionary<string, string> { ["v"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) } });
        }

        await Plane.CompactEtcdAsync();
        var watch = new ResumingWatch<V1ConfigMap>(Client, new ResumingWatchOptions { ResourceVersion = stale, Namespace = Namespace });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<KubernetesApiException>(async () =>
        {
            await foreach (var unused in watch.WatchAsync(timeout.Token))
            {
            }
        });

        Assert.True(error.IsGone, error.Message);
        Assert.Equal(410, error.Status.Code);
    }

    private V1ConfigMap ConfigMap(string name, string value) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
        Data = new Dictionary<string, string> { ["v"] = value },
    };
}
