using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace BucketOperator.Kubernetes.Config;

/// <summary>
/// Builds the HttpClient for a configuration: TLS trust, client certificate, bearer token, and the deadlines
/// that make a dead connection fail instead of hanging: a connect timeout, HTTP/2 keep-alive pings (the API
/// server speaks HTTP/2 over TLS when the client offers it, so it is requested, falling back to HTTP/1.1), and
/// TCP keep-alive probes for HTTP/1.1 connections. See <see cref="KubernetesClientConfiguration"/> for the values.
/// </summary>
public static class KubernetesHttpClientFactory
{
    /// <param name="transport">Replaces the sockets handler (TLS settings then do not apply); for tests.</param>
    public static HttpClient Create(KubernetesClientConfiguration configuration, TimeProvider? time = null, HttpMessageHandler? transport = null)
    {
        var handler = new TokenFileHandler(configuration.Token, configuration.TokenFile, time ?? TimeProvider.System)
        {
            InnerHandler = transport ?? Sockets(configuration),
        };

        // Watches stay open for minutes: per-call deadlines come from KubernetesClient, not HttpClient.Timeout.
        return new HttpClient(handler)
        {
            BaseAddress = configuration.Server,
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
    }

    internal static SocketsHttpHandler Sockets(KubernetesClientConfiguration configuration)
    {
        var sockets = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            ConnectTimeout = configuration.ConnectTimeout,
            // A connection that has received nothing for the delay is pinged; no answer within the timeout fails
            // every stream on it, watches included (client-go does the same with 30 s + 15 s).
            KeepAlivePingDelay = configuration.KeepAlivePingDelay,
            KeepAlivePingTimeout = configuration.KeepAlivePingTimeout,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
            // Many long watches on one connection would exhaust the server's concurrent-stream limit.
            EnableMultipleHttp2Connections = true,
            ConnectCallback = (context, cancellationToken) =>
                KeepAliveSocket.ConnectAsync(context, configuration.KeepAlivePingDelay, configuration.KeepAlivePingTimeout, cancellationToken),
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = TrustCallback(configuration),
            },
        };
        if (configuration.ClientCertificate is { } clientCertificate)
        {
            sockets.SslOptions.ClientCertificates = [clientCertificate];
        }

        return sockets;
    }

    private static RemoteCertificateValidationCallback? TrustCallback(KubernetesClientConfiguration configuration)
    {
        if (configuration.SkipTlsVerify)
        {
#pragma warning disable CA5359 // The kubeconfig explicitly asks for insecure-skip-tls-verify.
            return (_, _, _, _) => true;
#pragma warning restore CA5359
        }

        if (configuration.CertificateAuthority is not { } roots)
        {
            return null;
        }

        return (_, certificate, _, errors) =>
        {
            if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.CustomTrustStore.AddRange(roots);
            return chain.Build(new X509Certificate2(certificate));
        };
    }
}
