using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace BucketOperator.Kubernetes.Config;

/// <summary>
/// The KubernetesClient package's HTTP pipeline and credentials for one configuration, with two changes made
/// through its <c>FirstMessageHandlerSetup</c> hook: our <see cref="ConnectionOptions"/> deadlines, and our check of
/// the server's certificate against the configured CA; and its token provider asked one request at a time
/// (<see cref="SerialTokenProvider"/>). Ours because the package's check accepts a certificate the
/// CA issued for another host name (it ignores a name mismatch whenever the chain needed the custom root);
/// <c>TlsTrustTests</c> shows the difference.
/// </summary>
internal static class PackageTransport
{
    // The package reads the hook, the CA and the token provider while it builds the client: each is set for that moment only, one
    // client at a time (callers may share a configuration), and the caller's object is left as it was.
    private static readonly Lock SetupGate = new();

    public static k8s.Kubernetes Create(k8s.KubernetesClientConfiguration configuration, ConnectionOptions options, DelegatingHandler[] handlers)
    {
        lock (SetupGate)
        {
            var callersSetup = configuration.FirstMessageHandlerSetup;
            var roots = configuration.SslCaCerts;
            var tokens = configuration.TokenProvider;
            var skipVerify = configuration.SkipTlsVerify;
            configuration.FirstMessageHandlerSetup = sockets =>
            {
                options.ApplyTo(sockets);
                if (!skipVerify && roots is { Count: > 0 })
                {
                    sockets.SslOptions.RemoteCertificateValidationCallback = TrustOnly(roots);
                }

                callersSetup?.Invoke(sockets);
            };
            // Without a CA the package installs no check of its own, so ours above stays.
            configuration.SslCaCerts = null;
            configuration.TokenProvider = tokens is null ? null : new SerialTokenProvider(tokens);
            try
            {
                return new k8s.Kubernetes(configuration, handlers);
            }
            finally
            {
                configuration.FirstMessageHandlerSetup = callersSetup;
                configuration.SslCaCerts = roots;
                configuration.TokenProvider = tokens;
            }
        }
    }

    /// <summary>The server's certificate must chain to one of <paramref name="roots"/> and be issued for the host asked for.</summary>
    private static RemoteCertificateValidationCallback TrustOnly(X509Certificate2Collection roots) =>
        (_, certificate, presented, errors) =>
        {
            if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.CustomTrustStore.AddRange(roots);
            // Intermediates the server sent along; trust still comes from the roots alone.
            if (presented is not null)
            {
                chain.ChainPolicy.ExtraStore.AddRange(presented.ChainPolicy.ExtraStore);
            }

            return chain.Build(new X509Certificate2(certificate));
        };
}
