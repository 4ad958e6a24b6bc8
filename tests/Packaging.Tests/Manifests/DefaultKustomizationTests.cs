using System.Text.Json.Nodes;
using BucketOperator.ControlPlane;
using BucketOperator.TestSupport;

namespace BucketOperator.Packaging.Tests.Manifests;

/// <summary>
/// config/default as a user installs it (<c>kubectl apply -k config/default</c>), dry-run on the real API server; the
/// assertions read the server's answer.
/// </summary>
[Collection(ControlPlaneFixture.Collection)]
public sealed class DefaultKustomizationTests(ControlPlaneFixture fixture) : IAsyncLifetime
{
    private ServerDryRun _dryRun = null!;

    public async Task InitializeAsync() => _dryRun = await ServerDryRun.RunAsync(fixture.Plane, "config/default", OperatorInstallation.Namespace);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void DryRun_AcceptsEveryRenderedObject()
    {
        Assert.Equal(
            ["ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "Deployment", "Namespace", "Role", "RoleBinding", "ServiceAccount"],
            _dryRun.RenderedKinds);
        _dryRun.AssertEveryObjectAccepted();
        Assert.All(_dryRun.Rendered.Select(ObjectIdentity.Of).Where(o => o.Namespace.Length > 0), o => Assert.Equal(OperatorInstallation.Namespace, o.Namespace));
    }

    [Fact]
    public void Deployment_RunsTwoLockedDownReplicasWithLeaderElection()
    {
        var deployment = Accepted("Deployment");
        var pod = deployment["spec"]!["template"]!["spec"]!;
        var container = pod["containers"]!.AsArray().Single()!;

        Assert.Equal("latitude-bucket-operator", deployment["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal(2, deployment["spec"]!["replicas"]!.GetValue<int>());
        Assert.Contains("--leader-elect", Strings(container["args"]));
        Assert.Equal(Accepted("ServiceAccount")["metadata"]!["name"]!.GetValue<string>(), pod["serviceAccountName"]!.GetValue<string>());
        Assert.StartsWith("ghcr.io/latitudesh/bucket-operator:", container["image"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.InRange(pod["terminationGracePeriodSeconds"]!.GetValue<int>(), 10, 60);

        Assert.True(pod["securityContext"]!["runAsNonRoot"]!.GetValue<bool>());
        Assert.Equal(65532, pod["securityContext"]!["runAsUser"]!.GetValue<int>());
        Assert.Equal(65532, pod["securityContext"]!["runAsGroup"]!.GetValue<int>());
        Assert.Equal("RuntimeDefault", pod["securityContext"]!["seccompProfile"]!["type"]!.GetValue<string>());
        var security = container["securityContext"]!;
        Assert.True(security["readOnlyRootFilesystem"]!.GetValue<bool>());
        Assert.False(security["allowPrivilegeEscalation"]!.GetValue<bool>());
        Assert.Equal(["ALL"], Strings(security["capabilities"]!["drop"]));
        Assert.Null(security["capabilities"]!["add"]);
        Assert.Null(security["privileged"]);

        Assert.NotNull(container["resources"]!["requests"]!["cpu"]);
        Assert.NotNull(container["resources"]!["requests"]!["memory"]);
        Assert.NotNull(container["resources"]!["limits"]!["memory"]);
    }

    [Fact]
    public void Deployment_ProbesHealthAndExposesMetricsOnTheDefaultPorts()
    {
        var container = Accepted("Deployment")["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Single()!;
        var ports = container["ports"]!.AsArray().ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!["containerPort"]!.GetValue<int>());

        Assert.Equal(8080, ports["metrics"]);
        Assert.Equal(("/healthz", 8081), Probe(container["livenessProbe"]!, ports));
        Assert.Equal(("/readyz", 8081), Probe(container["readinessProbe"]!, ports));
    }

    [Fact]
    public void Deployment_ReadsTheTokenFromTheSecretTheUserCreates()
    {
        var pod = Accepted("Deployment")["spec"]!["template"]!["spec"]!;
        var container = pod["containers"]!.AsArray().Single()!;
        var tokenFile = container["env"]!.AsArray().Single(e => e!["name"]!.GetValue<string>() == "LATITUDE_API_TOKEN_FILE")!["value"]!.GetValue<string>();

        var mount = container["volumeMounts"]!.AsArray().Single(m => tokenFile.StartsWith(m!["mountPath"]!.GetValue<string>() + "/", StringComparison.Ordinal))!;
        Assert.True(mount["readOnly"]!.GetValue<bool>());
        var secret = pod["volumes"]!.AsArray().Single(v => v!["name"]!.GetValue<string>() == mount["name"]!.GetValue<string>())!["secret"]!;
        Assert.Equal("latitude-api-token", secret["secretName"]!.GetValue<string>());
        var item = secret["items"]!.AsArray().Single()!;
        Assert.Equal("token", item["key"]!.GetValue<string>());
        Assert.Equal(tokenFile, $"{mount["mountPath"]!.GetValue<string>()}/{item["path"]!.GetValue<string>()}");
        Assert.DoesNotContain(_dryRun.Rendered, d => d["kind"]!.GetValue<string>() == "Secret");
    }

    private JsonNode Accepted(string kind) => _dryRun.Single(kind);

    private static IEnumerable<string> Strings(JsonNode? array) => array?.AsArray().Select(n => n!.GetValue<string>()) ?? [];

    /// <summary>An HTTP probe's path and container port, resolving a named port.</summary>
    private static (string Path, int Port) Probe(JsonNode probe, Dictionary<string, int> ports)
    {
        var get = probe["httpGet"]!;
        var port = get["port"]!;
        return (get["path"]!.GetValue<string>(), port.GetValueKind() == System.Text.Json.JsonValueKind.String ? ports[port.GetValue<string>()] : port.GetValue<int>());
    }
}
