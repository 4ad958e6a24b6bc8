using BucketOperator.ControlPlane;
using BucketOperator.Entities;
using BucketOperator.Kubernetes.Config;
using BucketOperator.Operator.Tests.Support;
using BucketOperator.TestSupport;

namespace BucketOperator.Operator.Tests.EndToEnd;

/// <summary>
/// The operator run from a kubeconfig whose user is an exec credential plugin, as the kubeconfigs of EKS, GKE and AKS
/// are (README's development flow): loaded as the operator's host loads <c>--kubeconfig</c>, the plugin prints an
/// ExecCredential with the operator's service-account token, and the operator lists, watches and reconciles with it.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ExecCredentialTests(ControlPlaneFixture fixture) : OperatorTest(fixture), IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("exec-credential").FullName;

    private string CallLog => Path.Combine(_directory, "calls");

    [Fact]
    public async Task OperatorWithExecPluginKubeconfig_ReconcilesABucketToAvailable()
    {
        await Admin.CreateAsync(Bucket("via-exec"));

        await WaitForReadyAsync("via-exec", ReadyReasons.Available);

        Assert.Equal("via exec", await S3FromSecret.PutAndGetAsync(await SecretValuesAsync("via-exec"), "via exec"));
        Assert.Contains("--cluster local test", await File.ReadAllTextAsync(CallLog), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    protected override async Task<k8s.KubernetesClientConfiguration> OperatorAccessAsync()
    {
        var token = (await OperatorAccess.ConfigureAsync(Plane)).AccessToken;
        var plugin = TestKubeconfigs.WriteExecPlugin(_directory, token!, CallLog);
        var kubeconfig = Path.Combine(_directory, "kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, TestKubeconfigs.WithUser(Plane, TestKubeconfigs.ExecUser(plugin)));
        return ClusterConfig.Resolve(kubeconfig);
    }
}
