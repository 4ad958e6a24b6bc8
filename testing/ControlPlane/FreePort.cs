using System.Net;
using System.Net.Sockets;

namespace BucketOperator.ControlPlane;

public static class FreePort
{
    /// <summary>A loopback port that was free a moment ago (the OS picks it, so parallel runs rarely collide).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
