using System.Diagnostics;
using BucketOperator.ControlPlane;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Config;
using BucketOperator.TestSupport;

namespace BucketOperator.Kubernetes.Tests.Integration;

/// <summary>
/// The credentials users bring, against the real API server through <see cref="ClusterConfig"/>: an exec credential
/// plugin (as EKS, GKE and AKS kubeconfigs use), several kubeconfig files merged, and a token file that changes (as the
/// kubelet rotates a projected service-account token). The control plane knows two tokens: the admin's, and
/// <c>nobody</c>'s, which may do nothing; each test shows which one the client sent.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class CredentialSourceTests(ControlPlaneFixture fixture) : NamespacedTest(fixture), IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("credential-sources").FullName;

    [Fact]
    public async Task ExecPlugin_TokenItPrints_IsSentAndThePluginRunsAsConfigured()
    {
        var calls = Path.Combine(_directory, "calls");
        var plugin = TestKubeconfigs.WriteExecPlugin(_directory, LocalControlPlane.AdminToken, calls, "client.authentication.k8s.io/v1beta1");
        var kubeconfig = Write("config", TestKubeconfigs.WithUser(Plane, TestKubeconfigs.ExecUser(plugin, "client.authentication.k8s.io/v1beta1")));

        using var client = new KubernetesClient(ClusterConfig.FromFile(kubeconfig));
        var listed = await client.ListAsync<V1ConfigMap>(Namespace);

        Assert.NotNull(listed.Metadata.ResourceVersion);
        Assert.Contains("--cluster local test", await File.ReadAllTextAsync(calls), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecPlugin_PrintsAnotherUsersToken_RequestsAreThatUsers()
    {
        var plugin = TestKubeconfigs.WriteExecPlugin(_directory, LocalControlPlane.UnprivilegedToken, Path.Combine(_directory, "calls"));
        var kubeconfig = Write("config", TestKubeconfigs.WithUser(Plane, TestKubeconfigs.ExecUser(plugin)));

        using var client = new KubernetesClient(ClusterConfig.FromFile(kubeconfig));
        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => client.ListAsync<V1ConfigMap>(Namespace));

        Assert.True(error.IsForbidden, error.Message);
        Assert.Contains("\"nobody\"", error.Status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MergedKubeconfigs_ClusterFromOneUserFromTheOther_Connects()
    {
        var clusterAndContext = Write("cluster", ClusterOnly());
        var user = Write("user", $"""
            apiVersion: v1
            kind: Config
            users:
            - name: u
              user:
                token: {LocalControlPlane.AdminToken}
            """);

        using var client = new KubernetesClient(ClusterConfig.FromFiles([clusterAndContext, user]));

        Assert.NotNull((await client.ListAsync<V1ConfigMap>(Namespace)).Metadata.ResourceVersion);
    }

    /// <summary>The in-cluster configuration's token source: the package re-reads the file once a minute.</summary>
    [Fact]
    public async Task TokenFile_ReplacedOnDisk_IsUsedWithinAboutAMinute()
    {
        var tokenFile = Write("token", LocalControlPlane.UnprivilegedToken + "\n");
        var configuration = Plane.Configuration();
        configuration.AccessToken = null;
        configuration.TokenProvider = new k8s.Authentication.TokenFileAuth(tokenFile);
        using var client = new KubernetesClient(configuration);
        var before = await Assert.ThrowsAsync<KubernetesApiException>(() => client.ListAsync<V1ConfigMap>(Namespace));
        var replaced = Stopwatch.StartNew();

        await File.WriteAllTextAsync(tokenFile, LocalControlPlane.AdminToken + "\n");
        await Eventually.TrueAsync(
            async () => (await Record.ExceptionAsync(() => client.ListAsync<V1ConfigMap>(Namespace))) is null,
            "the admin token read from the file",
            TimeSpan.FromSeconds(90));

        Assert.True(before.IsForbidden, before.Message);
        Assert.InRange(replaced.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(75));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The cluster and a context naming user <c>u</c>, whom another file must define.</summary>
    private string ClusterOnly() => $"""
        apiVersion: v1
        kind: Config
        current-context: local
        clusters:
        - name: local
          cluster:
            server: {Plane.Server}
            certificate-authority: {Plane.CaCertificatePath}
        contexts:
        - name: local
          context:
            cluster: local
            user: u
        """;
}
