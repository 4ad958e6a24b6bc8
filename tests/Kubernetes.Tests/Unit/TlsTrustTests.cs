using BucketOperator.Kubernetes.Client;

namespace BucketOperator.Kubernetes.Tests.Unit;

/// <summary>
/// The configured CA is trusted for the server's own name only: a trust check that accepted anything would fail here,
/// and so would the KubernetesClient package's own (it accepts the CA's certificate for another name, the second case).
/// </summary>
public sealed class TlsTrustTests
{
    [Theory]
    [InlineData("127.0.0.1", true, true)]
    [InlineData("other.test", true, false)]
    [InlineData("127.0.0.1", false, false)]
    public async Task Get_ServerCertificate_AcceptedOnlyFromTheConfiguredCaForTheServerName(string certificateFor, bool trustIssuer, bool connects)
    {
        var (ca, serving) = LoopbackTlsServer.IssueFor(certificateFor);
        var (otherCa, otherServing) = LoopbackTlsServer.IssueFor("127.0.0.1");
        await using var server = new LoopbackTlsServer(serving);
        using var client = new KubernetesClient(new k8s.KubernetesClientConfiguration
        {
            Host = server.Address.ToString(),
            SslCaCerts = [trustIssuer ? ca : otherCa],
        });

        var error = await Record.ExceptionAsync(() => client.GetAsync<V1ConfigMap>("c", "ns"));

        Assert.True(connects == error is null, error?.ToString() ?? "connected");
        Assert.True(connects || error is HttpRequestException { InnerException: System.Security.Authentication.AuthenticationException }, error?.ToString());
        foreach (var certificate in new[] { ca, serving, otherCa, otherServing })
        {
            certificate.Dispose();
        }
    }
}
