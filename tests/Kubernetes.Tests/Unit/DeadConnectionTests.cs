using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Config;
using BucketOperator.Kubernetes.Watch;

namespace BucketOperator.Kubernetes.Tests.Unit;

/// <summary>A server that accepts and then goes silent must not hold a watch forever: the client gives up and says why.</summary>
public sealed class DeadConnectionTests
{
    // Generous bound for a loaded machine; the configured deadlines below are 1 s.
    private static readonly TimeSpan GiveUpBound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Watch_ServerSendsNoHeaders_TimesOutAfterTheRequestDeadline()
    {
        await using var server = SilentTcpServer.Start();
        using var client = new KubernetesClient(
            new k8s.KubernetesClientConfiguration { Host = $"http://127.0.0.1:{server.Port}" },
            connection: new ConnectionOptions { RequestTimeout = TimeSpan.FromSeconds(1) });
        using var guard = new CancellationTokenSource(GiveUpBound);

        var error = await Assert.ThrowsAsync<TimeoutException>(async () =>
        {
            await foreach (var unused in client.WatchAsync<V1ConfigMap>("ns", cancellationToken: guard.Token))
            {
            }
        });

        Assert.Contains("WATCH", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task Get_TlsServerNeverAnswersTheHandshake_FailsAfterTheConnectTimeout()
    {
        await using var server = SilentTcpServer.Start();
        // The request deadline is longer than the guard: only the connect timeout can end this in time.
        using var client = new KubernetesClient(
            new k8s.KubernetesClientConfiguration { Host = $"https://127.0.0.1:{server.Port}" },
            connection: new ConnectionOptions { ConnectTimeout = TimeSpan.FromSeconds(1), RequestTimeout = TimeSpan.FromMinutes(5) });
        using var guard = new CancellationTokenSource(GiveUpBound);

        await Assert.ThrowsAsync<TimeoutException>(() => client.GetAsync<V1ConfigMap>("c", "ns", guard.Token));

        Assert.False(guard.IsCancellationRequested);
    }

    [Fact]
    public async Task ResumingWatch_ServerSilentAfterHeaders_AbandonsTheConnectionAndReconnects()
    {
        await using var server = SilentTcpServer.Start("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        using var client = new KubernetesClient(new k8s.KubernetesClientConfiguration { Host = $"http://127.0.0.1:{server.Port}" });
        var watch = new ResumingWatch<V1ConfigMap>(client, new ResumingWatchOptions { ResourceVersion = "1", IdleTimeout = TimeSpan.FromSeconds(1) });
        using var guard = new CancellationTokenSource(GiveUpBound);

        var watching = watch.WatchAsync(guard.Token).ToListAsync(guard.Token).AsTask();
        while (server.Connections < 2 && !watching.IsCompleted && !guard.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        }

        Assert.True(server.Connections >= 2, $"{server.Connections} connection(s) after {GiveUpBound}; watch {watching.Status}");
        Assert.False(watching.IsFaulted, watching.Exception?.ToString());
    }

    [Fact]
    public void Defaults_NoticeADeadConnectionWithin45Seconds()
    {
        // The handler the package builds, as the caller's own hook sees it after ours ran.
        SocketsHttpHandler? transport = null;
        Action<SocketsHttpHandler> callersHook = sockets => transport = sockets;
        var configuration = new k8s.KubernetesClientConfiguration { Host = "https://k8s.test", FirstMessageHandlerSetup = callersHook };
        using var client = new KubernetesClient(configuration);
        var bound = TimeSpan.FromSeconds(45);

        Assert.NotNull(transport);
        Assert.InRange(transport.ConnectTimeout, TimeSpan.FromSeconds(1), bound);
        Assert.InRange(transport.KeepAlivePingDelay + transport.KeepAlivePingTimeout, TimeSpan.FromSeconds(1), bound);
        Assert.Equal(HttpKeepAlivePingPolicy.Always, transport.KeepAlivePingPolicy);
        Assert.NotNull(transport.ConnectCallback);
        Assert.InRange(ConnectionOptions.Default.RequestTimeout, TimeSpan.FromSeconds(1), bound);
        Assert.Same(callersHook, configuration.FirstMessageHandlerSetup);
        // A quiet watch hears a bookmark about once a minute: the idle deadline must not cut healthy ones.
        Assert.True(new ResumingWatchOptions { ResourceVersion = "1" }.IdleTimeout > TimeSpan.FromSeconds(70));
    }
}
