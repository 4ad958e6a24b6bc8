using System.Text.Json.Nodes;
using BucketOperator.ControlPlane;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Packaging.Tests.Support;

namespace BucketOperator.Packaging.Tests.Manifests;

/// <summary>
/// A kustomization as a user installs it (<c>kubectl apply -k</c>): rendered by kubectl's kustomize, then a
/// server-side dry run of every object on the real API server, whose answer is the objects as it would store them.
/// </summary>
internal sealed record ServerDryRun(IReadOnlyList<JsonObject> Rendered, IReadOnlyList<JsonObject> Accepted)
{
    /// <summary>Renders <paramref name="directory"/> (relative to the repository root) and dry-runs it; <paramref name="namespaces"/> are created first.</summary>
    public static async Task<ServerDryRun> RunAsync(LocalControlPlane plane, string directory, params string[] namespaces)
    {
        var rendered = (await Kubectl.RunAsync(["kustomize", directory])).EnsureSuccess($"rendering {directory}");
        foreach (var name in namespaces)
        {
            await EnsureNamespaceAsync(plane, name);
        }

        // Client-side apply: a 1.20 server refuses the CRD's CEL rules in a server-side apply patch, and drops them
        // from a plain write (newer servers keep them). --validate=false: 1.20 publishes no schema for them either.
        var dryRun = (await Kubectl.RunAsync(
            ["--kubeconfig", plane.KubeconfigPath, "apply", "--dry-run=server", "--validate=false", "-o", "json", "-f", "-"],
            rendered.Output)).EnsureSuccess($"the server-side dry run of {directory}");
        var answer = JsonNode.Parse(dryRun.Output)!.AsObject();
        IReadOnlyList<JsonObject> accepted = answer["kind"]!.GetValue<string>() == "List" ? [.. answer["items"]!.AsArray().Select(i => i!.AsObject())] : [answer];
        return new ServerDryRun(YamlManifests.Read(new StringReader(rendered.Output)), accepted);
    }

    /// <summary>The kinds rendered, sorted.</summary>
    public IEnumerable<string> RenderedKinds => Rendered.Select(d => d["kind"]!.GetValue<string>()).Order(StringComparer.Ordinal);

    /// <summary>Every rendered object, and no other, is in the server's answer.</summary>
    public void AssertEveryObjectAccepted() =>
        Assert.Equal(Sorted(Rendered), Sorted(Accepted));

    public JsonNode Single(string kind) => Accepted.Single(d => d["kind"]!.GetValue<string>() == kind);

    private static IEnumerable<ObjectIdentity> Sorted(IEnumerable<JsonObject> documents) =>
        documents.Select(ObjectIdentity.Of).OrderBy(o => o.ToString(), StringComparer.Ordinal);

    private static async Task EnsureNamespaceAsync(LocalControlPlane plane, string name)
    {
        using var admin = plane.CreateClient();
        try
        {
            await admin.CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        }
        catch (KubernetesApiException e) when (e.IsAlreadyExists)
        {
            // Another test of this control plane made it.
        }
    }
}
