using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Models.Core;
using BucketOperator.Kubernetes.Watch;
using BucketOperator.TestSupport;

namespace BucketOperator.Kubernetes.Tests.Integration;

[Collection(ControlPlaneFixture.Collection)]
public sealed class WatchTests(ControlPlaneFixture fixture) : IAsyncLifetime
{
    private readonly KubernetesClient _client = fixture.Plane.CreateClient();
    private TestNamespace _ns = null!;

    public async Task InitializeAsync() => _ns = await TestNamespace.CreateAsync(_client);

    public async Task DisposeAsync()
    {
        await _ns.DisposeAsync();
        _client.Dispose();
    }

    [Fact]
    public async Task Watch_FromListVersion_SeesAddModifyDeleteInOrder()
    {
        var list = await _client.ListAsync<ConfigMap>(_ns.Name);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var events = new List<(WatchEventType, string?)>();
        var watching = Task.Run(async () =>
        {
            var options = new ListOptions { ResourceVersion = list.Metadata.ResourceVersion, TimeoutSeconds = 30 };
            await foreach (var e in _client.WatchAsync<ConfigMap>(_ns.Name, options, timeout.Token))
            {
                events.Add((e.Type, e.Object.Data?["v"]));
                if (e.Type == WatchEventType.Deleted)
                {
                    return;
                }
            }
        });

        var created = await _client.CreateAsync(ConfigMap("w", "1"));
        await _client.ReplaceAsync(created with { Data = new Dictionary<string, string> { ["v"] = "2" } });
        await _client.DeleteAsync<ConfigMap>("w", _ns.Name);
        await watching;

        Assert.Equal([(WatchEventType.Added, "1"), (WatchEventType.Modified, "2"), (WatchEventType.Deleted, "2")], events);
    }

    [Fact]
    public async Task ResumingWatch_ServerClosesStreams_ReconnectsWithoutLosingOrRepeatingEvents()
    {
        var list = await _client.ListAsync<ConfigMap>(_ns.Name);
        // The server ends each connection after 1–2 s; the writes below span several connections.
        var watch = new ResumingWatch<ConfigMap>(_client, new ResumingWatchOptions
        {
            ResourceVersion = list.Metadata.ResourceVersion!,
            Namespace = _ns.Name,
            MinimumTimeout = TimeSpan.FromSeconds(1),
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var seen = new List<string>();
        var watching = Task.Run(async () =>
        {
            await foreach (var e in watch.WatchAsync(timeout.Token))
            {
                seen.Add(e.Object.Metadata.Name!);
                if (seen.Count == 6)
                {
                    return;
                }
            }
        });

        for (var i = 0; i < 6; i++)
        {
            await _client.CreateAsync(ConfigMap($"r{i}", "x"));
            await Task.Delay(TimeSpan.FromMilliseconds(900));
        }

        await watching;

        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"r{i}"), seen);
        Assert.True(watch.Connections >= 2, $"expected the server to close at least one stream, saw {watch.Connections} connection(s)");
    }

    [Fact]
    public async Task ResumingWatch_FromCompactedResourceVersion_ThrowsGone()
    {
        var stale = (await _client.CreateAsync(ConfigMap("old", "0"))).Metadata.ResourceVersion!;
        // ConfigMap watches read etcd directly in the test control plane (see ControlPlaneArguments), so
        // compacting etcd past the stale version removes the history a resumed watch would need.
        var current = await _client.GetAsync<ConfigMap>("old", _ns.Name);
        for (var i = 1; i <= 3; i++)
        {
            current = await _client.ReplaceAsync(current! with { Data = new Dictionary<string, string> { ["v"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) } });
        }

        await fixture.Plane.CompactEtcdAsync();
        var watch = new ResumingWatch<ConfigMap>(_client, new ResumingWatchOptions { ResourceVersion = stale, Namespace = _ns.Name });
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

    private ConfigMap ConfigMap(string name, string value) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = _ns.Name },
        Data = new Dictionary<string, string> { ["v"] = value },
    };
}
