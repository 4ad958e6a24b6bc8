using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Watch;
using BucketOperator.TestSupport;
using Connection = BucketOperator.Kubernetes.Tests.Unit.ScriptedWatchClient<k8s.Models.V1ConfigMap>.Connection;

namespace BucketOperator.Kubernetes.Tests.Unit;

public sealed class ResumingWatchTests
{
    private static readonly ResumingWatchOptions Options = new() { ResourceVersion = "100", InitialBackoff = TimeSpan.FromSeconds(1), MaximumBackoff = TimeSpan.FromSeconds(4) };

    [Fact]
    public async Task Watch_ConnectionDropsMidStream_ResumesFromLastVersionAfterBackoff()
    {
        var time = new FakeTimeProvider();
        var client = new ScriptedWatchClient<V1ConfigMap>(
            time,
            new Connection([Event(WatchEventType.Added, "a", "101"), WatchEvent.Bookmark<V1ConfigMap>("150")], new IOException("connection reset by peer")),
            new Connection([Event(WatchEventType.Modified, "a", "151")]));
        var watch = new ResumingWatch<V1ConfigMap>(client, Options, time);

        var reading = watch.WatchAsync().Take(2).Select(e => $"{e.Type} {e.Object!.Metadata.Name}@{e.ResourceVersion}").ToListAsync().AsTask();
        await time.AdvanceUntilAsync(() => reading.IsCompleted, TimeSpan.FromMinutes(1));

        Assert.Equal(["Added a@101", "Modified a@151"], await reading);
        Assert.Equal(["100", "150"], client.StartedFrom);
        Assert.Equal("151", watch.ResourceVersion);
        Assert.True(client.StartedAt[1] - client.FailedAt[0] >= Options.InitialBackoff, $"reconnected {client.StartedAt[1] - client.FailedAt[0]} after the failure");
    }

    [Fact]
    public async Task Watch_ServerEndsStreamAfterEvents_ReconnectsAfterTheMinimumIntervalWithoutBackoff()
    {
        var time = new FakeTimeProvider();
        var client = new ScriptedWatchClient<V1ConfigMap>(time, new Connection([Event(WatchEventType.Added, "a", "101")]), new Connection([Event(WatchEventType.Added, "b", "102")]));
        var watch = new ResumingWatch<V1ConfigMap>(client, Options, time);

        var reading = watch.WatchAsync().Take(2).Select(e => e.Object!.Metadata.Name).ToListAsync().AsTask();
        await time.AdvanceUntilAsync(() => reading.IsCompleted, TimeSpan.FromMinutes(1));

        Assert.Equal(["a", "b"], await reading);
        Assert.Equal(["100", "101"], client.StartedFrom);
        Assert.Equal(TimeSpan.FromSeconds(1), client.StartedAt[1] - client.StartedAt[0]);
    }

    [Fact]
    public async Task Watch_HealthyForLongerThanTheResetPeriod_StartsTheBackoffAgain()
    {
        var time = new FakeTimeProvider();
        var reset = new IOException("connection reset by peer");
        var client = new ScriptedWatchClient<V1ConfigMap>(
            time,
            new Connection([], reset),
            new Connection([], reset),
            new Connection([Event(WatchEventType.Added, "a", "101")], Lasts: TimeSpan.FromMinutes(3)),
            new Connection([], reset));
        var watch = new ResumingWatch<V1ConfigMap>(client, new ResumingWatchOptions { ResourceVersion = "100", JitterFactor = 0, IdleTimeout = TimeSpan.FromMinutes(5) }, time);
        using var stop = new CancellationTokenSource();

        _ = watch.WatchAsync(stop.Token).ToListAsync(stop.Token).AsTask();
        await time.AdvanceUntilAsync(() => client.StartedAt.Count == 5, TimeSpan.FromMinutes(10));
        await stop.CancelAsync();

        var gaps = client.StartedAt.Zip(client.StartedAt.Skip(1), (a, b) => b - a);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.6), TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(1)], gaps);
    }

    [Fact]
    public async Task Watch_ConnectionSilentForTheIdleTimeout_IsAbandonedAndResumed()
    {
        var time = new FakeTimeProvider();
        var client = new ScriptedWatchClient<V1ConfigMap>(
            time,
            new Connection([Event(WatchEventType.Added, "a", "101")], Hangs: true),
            new Connection([Event(WatchEventType.Added, "b", "102")]));
        var watch = new ResumingWatch<V1ConfigMap>(client, Options with { IdleTimeout = TimeSpan.FromSeconds(45) }, time);

        var reading = watch.WatchAsync().Take(2).Select(e => e.Object!.Metadata.Name).ToListAsync().AsTask();
        await client.Hanging;
        time.Advance(TimeSpan.FromSeconds(44));
        var abandonedEarly = client.StartedFrom.Count > 1;
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(["a", "b"], await reading);
        Assert.False(abandonedEarly);
        Assert.Equal(["100", "101"], client.StartedFrom);
    }

    [Fact]
    public async Task Watch_SilentConnection_IsAbandonedAfterServerTimeoutPlusGrace()
    {
        var time = new FakeTimeProvider();
        var client = new ScriptedWatchClient<V1ConfigMap>(
            time,
            new Connection([Event(WatchEventType.Added, "a", "101")], Hangs: true),
            new Connection([Event(WatchEventType.Added, "b", "102")]));
        var options = Options with { MinimumTimeout = TimeSpan.FromSeconds(10), ClientGrace = TimeSpan.FromSeconds(5) };
        var watch = new ResumingWatch<V1ConfigMap>(client, options, time);

        var reading = watch.WatchAsync().Take(2).Select(e => e.Object!.Metadata.Name).ToListAsync().AsTask();
        await client.Hanging;
        // The server's timeout is 10–20 s, so the client may not give up before 15 s, and must by 25 s.
        time.Advance(TimeSpan.FromSeconds(14));
        var abandonedEarly = client.StartedFrom.Count > 1;
        time.Advance(TimeSpan.FromSeconds(11));

        Assert.Equal(["a", "b"], await reading);
        Assert.False(abandonedEarly);
        Assert.Equal(["100", "101"], client.StartedFrom);
    }

    [Fact]
    public async Task Watch_ServerEndsEmptyStreams_BacksOffExponentiallyInsteadOfReconnectingAtOnce()
    {
        var time = new FakeTimeProvider();
        var client = new ScriptedWatchClient<V1ConfigMap>(time, Enumerable.Range(0, 6).Select(_ => new Connection([])).ToArray());
        var watch = new ResumingWatch<V1ConfigMap>(client, new ResumingWatchOptions { ResourceVersion = "100" }, time);
        using var stop = new CancellationTokenSource();

        _ = watch.WatchAsync(stop.Token).ToListAsync(stop.Token).AsTask();
        await time.AdvanceUntilAsync(() => client.StartedAt.Count == 7, TimeSpan.FromMinutes(10));
        await stop.CancelAsync();

        var gaps = client.StartedAt.Zip(client.StartedAt.Skip(1), (a, b) => b - a).ToList();
        for (var i = 0; i < gaps.Count; i++)
        {
            // 0.8 s doubling to 30 s, stretched by up to 100 % jitter, and never less than 1 s between starts.
            var expected = TimeSpan.FromSeconds(Math.Min(0.8 * Math.Pow(2, i), 30));
            Assert.InRange(gaps[i], expected < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : expected, 2 * expected);
        }
    }

    [Fact]
    public async Task Watch_OneEventBetweenFailures_DoesNotResetTheBackoff()
    {
        var time = new FakeTimeProvider();
        var reset = new IOException("connection reset by peer");
        var client = new ScriptedWatchClient<V1ConfigMap>(
            time, new Connection([], reset), new Connection([], reset), new Connection([Event(WatchEventType.Added, "a", "101")], reset));
        var watch = new ResumingWatch<V1ConfigMap>(client, new ResumingWatchOptions { ResourceVersion = "100" }, time);
        using var stop = new CancellationTokenSource();

        _ = watch.WatchAsync(stop.Token).ToListAsync(stop.Token).AsTask();
        await time.AdvanceUntilAsync(() => client.StartedAt.Count == 4, TimeSpan.FromMinutes(10));
        await stop.CancelAsync();

        // The third failure waits 3.2–6.4 s, as if the event had not come: one event is not a healthy period.
        Assert.InRange(client.StartedAt[3] - client.StartedAt[2], TimeSpan.FromSeconds(3.2), TimeSpan.FromSeconds(6.4));
    }

    [Fact]
    public async Task Watch_Reconnects_CountsRestartsPerResource()
    {
        var time = new FakeTimeProvider();
        // A kind no other test watches, so parallel tests do not add to the count.
        var client = new ScriptedWatchClient<Strict>(time, new ScriptedWatchClient<Strict>.Connection([]), new ScriptedWatchClient<Strict>.Connection([]));
        var watch = new ResumingWatch<Strict>(client, new ResumingWatchOptions { ResourceVersion = "100" }, time);
        using var restarts = new MeasurementRecorder("latitude_operator_watch_restarts_total");
        using var stop = new CancellationTokenSource();

        _ = watch.WatchAsync(stop.Token).ToListAsync(stop.Token).AsTask();
        await time.AdvanceUntilAsync(() => client.StartedAt.Count == 3, TimeSpan.FromMinutes(1));
        await stop.CancelAsync();

        Assert.Equal(2, restarts.Sum(("resource", "stricts.test.bucket-operator.dev")));
        Assert.Equal(3, watch.Connections);
    }

    [Fact]
    public async Task Watch_Gone_EndsWithTheServerStatus()
    {
        var gone = new KubernetesApiException("WATCH /api/v1/configmaps", new V1Status { Code = 410, Reason = "Expired", Message = "too old resource version" });
        var watch = new ResumingWatch<V1ConfigMap>(new ScriptedWatchClient<V1ConfigMap>(TimeProvider.System, new Connection([], gone)), Options, new FakeTimeProvider());

        var error = await Assert.ThrowsAsync<KubernetesApiException>(async () => await watch.WatchAsync().ToListAsync());

        Assert.Same(gone, error);
    }

    [Fact]
    public async Task Watch_Forbidden_IsNotRetried()
    {
        var forbidden = new KubernetesApiException("WATCH /api/v1/configmaps", new V1Status { Code = 403, Reason = "Forbidden" });
        var client = new ScriptedWatchClient<V1ConfigMap>(TimeProvider.System, new Connection([], forbidden));
        var watch = new ResumingWatch<V1ConfigMap>(client, Options, new FakeTimeProvider());

        await Assert.ThrowsAsync<KubernetesApiException>(async () => await watch.WatchAsync().ToListAsync());

        Assert.Single(client.StartedFrom);
    }

    private static WatchEvent<V1ConfigMap> Event(WatchEventType type, string name, string resourceVersion) =>
        new(type, new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name, ResourceVersion = resourceVersion } });
}
