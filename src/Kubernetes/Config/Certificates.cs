using System.Security.Cryptography.X509Certificates;

namespace BucketOperator.Kubernetes.Config;

internal static class Certificates
{
    /// <summary>All certificates in a PEM bundle (a CA file may hold several).</summary>
    public static X509Certificate2Collection FromPem(string pem)
    {
        var collection = new X509Certificate2Collection();
        collection.ImportFromPem(pem);
        if (collection.Count == 0)
        {
            throw new InvalidDataException("the certificate authority data holds no PEM certificate");
        }

        return collection;
    }
}
