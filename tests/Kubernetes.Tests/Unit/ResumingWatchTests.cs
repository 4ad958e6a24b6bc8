using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Models.Core;
using BucketOperator.Kubernetes.Watch;
using BucketOperator.TestSupport;
using Connection = BucketOperator.Kubernetes.Tests.Unit.ScriptedWatchClient<BucketOperator.Kubernetes.Models.Core.ConfigMap>.Connection;

namespace BucketOperator.Kubernetes.Tests.Unit;

public sealed class ResumingWatchTests
{
    private static readonly ResumingWatchOptions Options = new() { ResourceVersion = "100", InitialBackoff = TimeSpan.FromSeconds(1), MaximumBackoff = TimeSpan.FromSeconds(4) };

    [Fact]
    public async Task Watch_ConnectionDropsMidStream_ResumesFromLastVersionAfterBackoff()
    {
        var time = new FakeTimeProvider();
        var client = new ScriptedWatchClient<ConfigMap>(
            time,
            new Connection([Event(WatchEventType.Added, "a", "101"), Event(WatchEventType.Bookmark, null, "150")], new IOException("connection reset by peer")),
            new Connection([Event(WatchEventType.Modified, "a", "151")]));
        var watch = new ResumingWatch<ConfigMap>(client, Options, time);

        var reading = watch.WatchAsync().Take(2).Select(e => $"{e.Type} {e.Object.Metadata.Name}@{e.Object.Metadata.ResourceVersion}").ToListAsync().AsTask();
        await time.AdvanceUntilAsync(() => reading.IsCompleted, TimeSpan.FromMinutes(1));

        Assert.Equal(["Added a@101", "Modified a@151"], await reading);
        Assert.Equal(["100", "150"], client.StartedFrom);
        Assert.Equal("151", watch.ResourceVersion);
        Assert.True(client.StartedAt[1] - client.FailedAt[0] >= Options.InitialBackoff, $"reconnected {client.StartedAt[1] - client.FailedAt[0]} after the failure");
    }

    [Fact]
    public async Task Watch_ServerEndsStreamCleanly_ReconnectsAtOnce()
    {
        var client = new ScriptedWatchClient<ConfigMap>(TimeProvider.System, new Connection([Event(WatchEventType.Added, "a", "101")]), new Connection([Event(WatchEventType.Added, "b", "102")]));
        var watch = new ResumingWatch<ConfigMap>(client, Options, new FakeTimeProvider());

        var names = await watch.WatchAsync().Take(2).Select(e => e.Object.Metadata.Name).ToListAsync();

        Assert.Equal(["a", "b"], names);
        Assert.Equal(["100", "101"], client.StartedFrom);
    }

    [Fact]
    public async Task Watch_SilentConnection_IsAbandonedAfterServerTimeoutPlusGrace()
    {
        var time = new FakeTimeProvider();
        var client = new ScriptedWatchClient<ConfigMap>(
            time,
            new Connection([Event(WatchEventType.Added, "a", "101")], Hangs: true),
            new Connection([Event(WatchEventType.Added, "b", "102")]));
        var options = Options with { MinimumTimeout = TimeSpan.FromSeconds(10), ClientGrace = TimeSpan.FromSeconds(5) };
        var watch = new ResumingWatch<ConfigMap>(client, options, time);

        var reading = watch.WatchAsync().Take(2).Select(e => e.Object.Metadata.Name).ToListAsync().AsTask();
        await Eventually(() => client.StartedFrom.Count == 1);
        time.Advance(TimeSpan.FromSeconds(14));
        await Task.Delay(50);
        var abandonedEarly = client.StartedFrom.Count > 1;
        time.Advance(TimeSpan.FromSeconds(11));

        Assert.Equal(["a", "b"], await reading);
        Assert.False(abandonedEarly);
        Assert.Equal(["100", "101"], client.StartedFrom);
    }

    [Fact]
    public async Task Watch_Gone_EndsWithTheServerStatus()
    {
        var gone = new KubernetesApiException("WATCH /api/v1/configmaps", new Status { Code = 410, Reason = "Expired", Message = "too old resource version" });
        var watch = new ResumingWatch<ConfigMap>(new ScriptedWatchClient<ConfigMap>(TimeProvider.System, new Connection([], gone)), Options, new FakeTimeProvider());

        var error = await Assert.ThrowsAsync<KubernetesApiException>(async () => await watch.WatchAsync().ToListAsync());

        Assert.Same(gone, error);
    }

    [Fact]
    public async Task Watch_Forbidden_IsNotRetried()
    {
        var forbidden = new KubernetesApiException("WATCH /api/v1/configmaps", new Status { Code = 403, Reason = "Forbidden" });
        var client = new ScriptedWatchClient<ConfigMap>(TimeProvider.System, new Connection([], forbidden));
        var watch = new ResumingWatch<ConfigMap>(client, Options, new FakeTimeProvider());

        await Assert.ThrowsAsync<KubernetesApiException>(async () => await watch.WatchAsync().ToListAsync());

        Assert.Single(client.StartedFrom);
    }

    private static WatchEvent<ConfigMap> Event(WatchEventType type, string? name, string resourceVersion) =>
        new(type, new ConfigMap { Metadata = new ObjectMeta { Name = name, ResourceVersion = resourceVersion } });

    private static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
