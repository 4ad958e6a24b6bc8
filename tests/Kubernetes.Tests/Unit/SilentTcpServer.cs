using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BucketOperator.Kubernetes.Tests.Unit;

/// <summary>
/// A loopback TCP server that accepts every connection, optionally writes a fixed prefix (e.g. the headers of
/// a streamed response), then never sends another byte while keeping the connection open: a hung API server
/// or a stuck proxy as the client sees it.
/// </summary>
internal sealed class SilentTcpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _accepted = [];
    private readonly byte[] _prefix;
    private readonly Task _accepting;

    private SilentTcpServer(string prefix)
    {
        _prefix = Encoding.ASCII.GetBytes(prefix);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections accepted so far.</summary>
    public int Connections
    {
        get
        {
            lock (_accepted)
            {
                return _accepted.Count;
            }
        }
    }

    public static SilentTcpServer Start(string prefix = "") => new(prefix);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        lock (_accepted)
        {
            _accepted.ForEach(c => c.Dispose());
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_accepted)
                {
                    _accepted.Add(client);
                }

                await client.GetStream().WriteAsync(_prefix, _stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }
}
