using System.Text;

namespace BucketOperator.ControlPlane;

/// <summary>The certificates, keys, token file and kubeconfig of one control plane, written to its directory.</summary>
internal sealed record ControlPlaneFiles(
    string Directory,
    string CaCertificate,
    string ServingCertificate,
    string ServingKey,
    string ServiceAccountPublicKey,
    string ServiceAccountPrivateKey,
    string Tokens,
    string Kubeconfig,
    string AdminClientCertificate,
    string AdminClientKey)
{
    public static ControlPlaneFiles Write(string directory)
    {
        string Put(string name, string content)
        {
            var path = Path.Combine(directory, name);
            File.WriteAllText(path, content);
            return path;
        }

        using var pki = new TestPki();
        var serving = pki.IssueServing();
        var client = pki.IssueClient("admin-cert", "system:masters");
        var serviceAccount = TestPki.ServiceAccountKeys();
        return new ControlPlaneFiles(
            directory,
            Put("ca.crt", pki.Ca.ExportCertificatePem()),
            Put("apiserver.crt", serving.Certificate),
            Put("apiserver.key", serving.Key),
            Put("sa.pub", serviceAccount.PublicKey),
            Put("sa.key", serviceAccount.PrivateKey),
            Put("tokens.csv", $"{LocalControlPlane.AdminToken},admin,admin-uid,\"system:masters\"\n{LocalControlPlane.UnprivilegedToken},nobody,nobody-uid\n"),
            Path.Combine(directory, "kubeconfig"),
            Put("admin-client.crt", client.Certificate),
            Put("admin-client.key", client.Key));
    }

    public void WriteKubeconfig(Uri server)
    {
        static string B64(string path) => Convert.ToBase64String(Encoding.UTF8.GetBytes(File.ReadAllText(path)));
        File.WriteAllText(Kubeconfig, $"""
            apiVersion: v1
            kind: Config
            current-context: admin
            clusters:
            - name: local
              cluster:
                server: {server}
                certificate-authority-data: {B64(CaCertificate)}
            users:
            - name: admin
              user:
                token: {LocalControlPlane.AdminToken}
            - name: admin-cert
              user:
                client-certificate-data: {B64(AdminClientCertificate)}
                client-key-data: {B64(AdminClientKey)}
            - name: nobody
              user:
                token: {LocalControlPlane.UnprivilegedToken}
            contexts:
            - name: admin
              context:
                cluster: local
                user: admin
            - name: admin-cert
              context:
                cluster: local
                user: admin-cert
                namespace: kube-system
            - name: nobody
              context:
                cluster: local
                user: nobody
            """);
    }
}
