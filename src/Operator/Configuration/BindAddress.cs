using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace BucketOperator.Operator.Configuration;

/// <summary>
/// A <c>host:port</c> setting as Kestrel listens on it: <c>:port</c> means every interface, <c>localhost:port</c>
/// loopback only, otherwise an IP address (IPv6 in brackets). Host names are refused: what they resolve to can
/// change, and a listener binds addresses.
/// </summary>
public sealed record BindAddress(IPAddress? Address, bool Localhost, int Port)
{
    public static bool TryParse(string value, out BindAddress? address)
    {
        address = null;
        var colon = value.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is <= 0 or >= 65536)
        {
            return false;
        }

        var host = value[..colon].Trim('[', ']');
        if (host.Length == 0 || host == "localhost")
        {
            address = new BindAddress(null, host == "localhost", port);
            return true;
        }

        if (IPAddress.TryParse(host, out var ip))
        {
            address = new BindAddress(ip, false, port);
            return true;
        }

        return false;
    }

    public static BindAddress Parse(string value) =>
        TryParse(value, out var address) ? address! : throw new FormatException($"'{value}' is not :port, localhost:port or ip:port");

    public void Listen(KestrelServerOptions kestrel)
    {
        if (Address is { } ip)
        {
            kestrel.Listen(ip, Port);
        }
        else if (Localhost)
        {
            kestrel.ListenLocalhost(Port);
        }
        else
        {
            kestrel.ListenAnyIP(Port);
        }
    }
}
