using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace BucketOperator.Kubernetes.Tests.Unit;

internal static class TestCertificates
{
    /// <summary>PEM of a self-signed certificate and its key, valid for a day either side of now.</summary>
    public static (string Certificate, string Key) SelfSigned(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = new CertificateRequest(subject, key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }
}
