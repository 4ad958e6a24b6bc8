using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace BucketOperator.Kubernetes.Config;

/// <summary>Builds the HttpClient for a configuration: TLS trust, client certificate, bearer token.</summary>
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
        return new HttpClient(handler) { BaseAddress = configuration.Server, Timeout = Timeout.InfiniteTimeSpan };
    }

    private static SocketsHttpHandler Sockets(KubernetesClientConfiguration configuration)
    {
        var sockets = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
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
