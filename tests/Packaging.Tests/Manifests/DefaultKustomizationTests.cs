using System.Text.Json.Nodes;
using BucketOperator.ControlPlane;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Models.Core;
using BucketOperator.Packaging.Tests.Support;
using BucketOperator.TestSupport;

namespace BucketOperator.Packaging.Tests.Manifests;

/// <summary>
/// config/default as a user installs it (<c>kubectl apply -k config/default</c>): rendered by kubectl's kustomize, then
/// a server-side dry run of every object on the real API server, whose answer (the objects as it would store them)
/// is what the assertions read.
/// </summary>
[Collection(ControlPlaneFixture.Collection)]
public sealed class DefaultKustomizationTests(ControlPlaneFixture fixture) : IAsyncLifetime
{
    private IReadOnlyList<JsonObject> _rendered = [];
    private IReadOnlyList<JsonObject> _accepted = [];

    public async Task InitializeAsync()
    {
        var rendered = (await Kubectl.RunAsync(["kustomize", "config/default"])).EnsureSuccess("rendering config/default");
        _rendered = YamlManifests.Read(new StringReader(rendered.Output));
        await EnsureNamespaceAsync(OperatorInstallation.Namespace);
        // Client-side apply: a 1.20 server refuses the CRD's CEL rules in a server-side apply patch, and drops them
        // from a plain write (newer servers keep them). --validate=false: 1.20 publishes no schema for them either.
        var dryRun = (await Kubectl.RunAsync(
            ["--kubeconfig", fixture.Plane.KubeconfigPath, "apply", "--dry-run=server", "--validate=false", "-o", "json", "-f", "-"],
            rendered.Output)).EnsureSuccess("the server-side dry run of config/default");
        var answer = JsonNode.Parse(dryRun.Output)!.AsObject();
        _accepted = answer["kind"]!.GetValue<string>() == "List" ? [.. answer["items"]!.AsArray().Select(i => i!.AsObject())] : [answer];
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void DryRun_AcceptsEveryRenderedObject()
    {
        Assert.Equal(
            ["ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "Deployment", "Namespace", "Role", "RoleBinding", "ServiceAccount"],
            _rendered.Select(d => d["kind"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(_rendered.Select(ObjectIdentity.Of).OrderBy(o => o.ToString(), StringComparer.Ordinal), _accepted.Select(ObjectIdentity.Of).OrderBy(o => o.ToString(), StringComparer.Ordinal));
        Assert.All(_rendered.Select(ObjectIdentity.Of).Where(o => o.Namespace.Length > 0), o => Assert.Equal(OperatorInstallation.Namespace, o.Namespace));
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
        Assert.DoesNotContain(_rendered, d => d["kind"]!.GetValue<string>() == "Secret");
    }

    private JsonNode Accepted(string kind) => _accepted.Single(d => d["kind"]!.GetValue<string>() == kind);

    private static IEnumerable<string> Strings(JsonNode? array) => array?.AsArray().Select(n => n!.GetValue<string>()) ?? [];

    /// <summary>An HTTP probe's path and container port, resolving a named port.</summary>
    private static (string Path, int Port) Probe(JsonNode probe, Dictionary<string, int> ports)
    {
        var get = probe["httpGet"]!;
        var port = get["port"]!;
        return (get["path"]!.GetValue<string>(), port.GetValueKind() == System.Text.Json.JsonValueKind.String ? ports[port.GetValue<string>()] : port.GetValue<int>());
    }

    private async Task EnsureNamespaceAsync(string name)
    {
        using var admin = fixture.Plane.CreateClient();
        try
        {
            await admin.CreateAsync(new Namespace { Metadata = new ObjectMeta { Name = name } });
        }
        catch (KubernetesApiException e) when (e.IsAlreadyExists)
        {
            // Another test of this control plane made it.
        }
    }
}
