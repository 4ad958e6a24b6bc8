using System.Net.Sockets;

namespace BucketOperator.Kubernetes.Config;

/// <summary>
/// Opens the TCP connections of the client with keep-alive probes, so a connection whose peer vanished
/// (a half-open connection) fails within the same bound as an HTTP/2 ping would notice it. This matters when
/// the server, or a proxy in between, speaks only HTTP/1.1, where no pings are sent.
/// </summary>
internal static class KeepAliveSocket
{
    private const int Probes = 3;

    /// <param name="idle">Silence before the first probe.</param>
    /// <param name="giveUpAfter">How long the probes may go unanswered before the connection is declared dead.</param>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, TimeSpan idle, TimeSpan giveUpAfter, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, Seconds(idle));
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, Seconds(giveUpAfter / Probes));
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, Probes);
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static int Seconds(TimeSpan value) => Math.Max(1, (int)Math.Ceiling(value.TotalSeconds));
}
