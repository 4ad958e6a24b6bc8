using System.Security.Cryptography.X509Certificates;
using BucketOperator.Kubernetes.Config;

namespace BucketOperator.Kubernetes.Tests.Unit;

public sealed class KubernetesClientConfigurationTests
{
    [Fact]
    public void ToString_WithTokenAndClientCertificate_HidesTheSecrets()
    {
        const string token = "eyJhbGciOiJSUzI1NiJ9.secret-part";
        var (certificatePem, keyPem) = TestCertificates.SelfSigned("CN=me");
        using var certificate = X509Certificate2.CreateFromPem(certificatePem, keyPem);
        var configuration = new KubernetesClientConfiguration { Server = new Uri("https://10.1.2.3:6443"), Token = token, ClientCertificate = certificate };

        var text = configuration.ToString();

        Assert.DoesNotContain(token, text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-part", text, StringComparison.Ordinal);
        Assert.Contains("https://10.1.2.3:6443", text, StringComparison.Ordinal);
        Assert.Contains("CN=me", text, StringComparison.Ordinal);
    }
}
