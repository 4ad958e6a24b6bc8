using System.Net;

namespace BucketOperator.Kubernetes.Config;

/// <summary>
/// The deadlines that make a dead connection fail instead of hanging, applied to the KubernetesClient package's
/// sockets handler through its <c>FirstMessageHandlerSetup</c> hook. Ours because the package's defaults notice a
/// dead connection only after minutes (a ping after 3 min of silence, and only with requests in flight) and
/// set no connect deadline.
/// </summary>
public sealed record ConnectionOptions
{
    public static ConnectionOptions Default { get; } = new();

    /// <summary>
    /// Deadline of each call except watches (default 30 s, where client-go has none: a hung call would stall a
    /// worker). A watch must receive its response headers within it; its stream then runs on.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Deadline of opening a connection, TLS handshake included (default 10 s).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A connection that has received nothing for this long is probed (default 30 s): an HTTP/2 ping, or TCP
    /// keep-alive on an HTTP/1.1 connection. With <see cref="KeepAlivePingTimeout"/> this bounds how long a
    /// dead or half-open connection, and any watch on it, goes unnoticed: 45 s by default.
    /// </summary>
    public TimeSpan KeepAlivePingDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a probe may go unanswered before the connection is dropped (default 15 s).</summary>
    public TimeSpan KeepAlivePingTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>What the package's handler gets on top of its TLS and credential settings.</summary>
    public void ApplyTo(SocketsHttpHandler sockets)
    {
        sockets.PooledConnectionLifetime = TimeSpan.FromMinutes(10);
        sockets.ConnectTimeout = ConnectTimeout;
        // A connection that has received nothing for the delay is pinged; no answer within the timeout fails
        // every stream on it, watches included (client-go does the same with 30 s + 15 s).
        sockets.KeepAlivePingDelay = KeepAlivePingDelay;
        sockets.KeepAlivePingTimeout = KeepAlivePingTimeout;
        sockets.KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always;
        // Many long watches on one connection would exhaust the server's concurrent-stream limit.
        sockets.EnableMultipleHttp2Connections = true;
        sockets.ConnectCallback = (context, cancellationToken) =>
            KeepAliveSocket.ConnectAsync(context, KeepAlivePingDelay, KeepAlivePingTimeout, cancellationToken);
    }
}
