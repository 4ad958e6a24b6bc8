using System.Text.Json.Nodes;

namespace BucketOperator.Packaging.Tests.Manifests;

/// <summary>What names an object on the server: kind, namespace (empty when cluster-scoped) and name.</summary>
internal sealed record ObjectIdentity(string Kind, string Namespace, string Name)
{
    public static ObjectIdentity Of(JsonNode document) => new(
        document["kind"]!.GetValue<string>(),
        document["metadata"]?["namespace"]?.GetValue<string>() ?? "",
        document["metadata"]!["name"]!.GetValue<string>());

    public override string ToString() => Namespace.Length == 0 ? $"{Kind} {Name}" : $"{Kind} {Namespace}/{Name}";
}
