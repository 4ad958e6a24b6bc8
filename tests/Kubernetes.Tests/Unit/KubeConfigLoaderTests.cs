using System.Text;
using BucketOperator.Kubernetes.Config;

namespace BucketOperator.Kubernetes.Tests.Unit;

public sealed class KubeConfigLoaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kubeconfig-tests").FullName;

    [Fact]
    public void Load_TokenUserWithCaData_UsesCurrentContext()
    {
        var (caPem, _) = TestCertificates.SelfSigned("CN=ca");
        var config = KubeConfigLoader.Load(
            Kubeconfig("current-context: dev", $"certificate-authority-data: {B64(caPem)}", "token: abc", "namespace: team-a"),
            _directory);

        Assert.Equal(new Uri("https://10.1.2.3:6443"), config.Server);
        Assert.Equal("abc", config.Token);
        Assert.Equal("team-a", config.Namespace);
        Assert.Equal("CN=ca", Assert.Single(config.CertificateAuthority!).Subject);
    }

    [Fact]
    public void Load_ClientCertificateFilesRelativeToKubeconfig_LoadsCertificateWithKey()
    {
        var (certPem, keyPem) = TestCertificates.SelfSigned("CN=me");
        File.WriteAllText(Path.Combine(_directory, "me.crt"), certPem);
        File.WriteAllText(Path.Combine(_directory, "me.key"), keyPem);
        var path = Path.Combine(_directory, "config");
        File.WriteAllText(path, Kubeconfig("current-context: dev", "insecure-skip-tls-verify: true", "client-certificate: me.crt\n    client-key: me.key", ""));

        var config = KubeConfigLoader.LoadFile(path);

        Assert.True(config.ClientCertificate!.HasPrivateKey);
        Assert.True(config.SkipTlsVerify);
        Assert.Equal("default", config.Namespace);
    }

    [Fact]
    public void Load_NamedContext_OverridesCurrentContext()
    {
        var error = Assert.Throws<InvalidDataException>(() => KubeConfigLoader.Load(Kubeconfig("current-context: dev", "", "token: t", ""), _directory, context: "prod"));

        Assert.Contains("context 'prod' is not defined", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ExecPlugin_FailsNamingTheLimitation()
    {
        var yaml = Kubeconfig("current-context: dev", "", "exec:\n      command: aws", "");

        var error = Assert.Throws<NotSupportedException>(() => KubeConfigLoader.Load(yaml, _directory));

        Assert.Contains("exec", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoCurrentContext_Fails() =>
        Assert.Throws<InvalidDataException>(() => KubeConfigLoader.Load(Kubeconfig("", "", "token: t", ""), _directory));

    [Fact]
    public void InClusterLoad_ServiceAccountFiles_UsesTokenFileCaAndNamespace()
    {
        var (caPem, _) = TestCertificates.SelfSigned("CN=cluster-ca");
        File.WriteAllText(Path.Combine(_directory, "token"), "t0");
        File.WriteAllText(Path.Combine(_directory, "ca.crt"), caPem);
        File.WriteAllText(Path.Combine(_directory, "namespace"), "operators\n");
        var environment = new Dictionary<string, string> { ["KUBERNETES_SERVICE_HOST"] = "fd00::1", ["KUBERNETES_SERVICE_PORT"] = "443" };

        var config = InClusterConfig.Load(_directory, environment.GetValueOrDefault);

        Assert.Equal("https://[fd00::1]/", config.Server.ToString());
        Assert.Equal(Path.Combine(_directory, "token"), config.TokenFile);
        Assert.Equal("operators", config.Namespace);
        Assert.True(InClusterConfig.IsAvailable(_directory, environment.GetValueOrDefault));
    }

    [Fact]
    public void InCluster_WithoutServiceHost_IsNotAvailableAndLoadFails()
    {
        File.WriteAllText(Path.Combine(_directory, "token"), "t0");
        var environment = new Dictionary<string, string> { ["KUBERNETES_SERVICE_PORT"] = "443" };

        Assert.False(InClusterConfig.IsAvailable(_directory, environment.GetValueOrDefault));
        Assert.Throws<InvalidOperationException>(() => InClusterConfig.Load(_directory, environment.GetValueOrDefault));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Kubeconfig(string currentContext, string clusterExtra, string user, string contextExtra) => $"""
        apiVersion: v1
        kind: Config
        {currentContext}
        clusters:
        - name: c
          cluster:
            server: https://10.1.2.3:6443
            {clusterExtra}
        users:
        - name: u
          user:
            {user}
        contexts:
        - name: dev
          context:
            cluster: c
            user: u
            {contextExtra}
        """;

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
