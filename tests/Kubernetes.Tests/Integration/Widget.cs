using System.Text.Json;
using System.Text.Json.Serialization;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Serialization;

namespace BucketOperator.Kubernetes.Tests.Integration;

/// <summary>A custom resource defined by the tests, to exercise CRDs and the status subresource.</summary>
public sealed record Widget : IKubernetesObject<Widget>
{
    public const string CrdName = "widgets.test.bucket-operator.dev";

    public static ResourceType Resource { get; } = new("test.bucket-operator.dev", "v1", "widgets", "Widget", Namespaced: true);

    public string? ApiVersion { get; set; } = "test.bucket-operator.dev/v1";

    public string? Kind { get; set; } = "Widget";

    public ObjectMeta Metadata { get; set; } = new();

    public WidgetSpec? Spec { get; set; }

    public WidgetStatus? Status { get; set; }

    public static JsonElement CrdSpec { get; } = JsonDocument.Parse("""
        {
          "group": "test.bucket-operator.dev",
          "scope": "Namespaced",
          "names": {"plural": "widgets", "singular": "widget", "kind": "Widget", "listKind": "WidgetList"},
          "versions": [{
            "name": "v1", "served": true, "storage": true,
            "subresources": {"status": {}},
            "schema": {"openAPIV3Schema": {"type": "object", "properties": {
              "spec": {"type": "object", "properties": {"size": {"type": "integer", "minimum": 1}}},
              "status": {"type": "object", "properties": {"phase": {"type": "string"}}}
            }}}
          }]
        }
        """).RootElement.Clone();
}

public sealed record WidgetSpec(int Size);

public sealed record WidgetStatus(string Phase);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(KubernetesTimeConverter)])]
[JsonSerializable(typeof(Widget))]
[JsonSerializable(typeof(KubernetesList<Widget>))]
internal sealed partial class WidgetJsonContext : JsonSerializerContext;
