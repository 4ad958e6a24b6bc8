using System.Text.Json;
using System.Text.Json.Serialization;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Serialization;

namespace BucketOperator.Kubernetes.Tests.Integration;

/// <summary>A custom resource defined by the tests, to exercise CRDs and the status subresource.</summary>
[KubernetesEntity(Group = "test.bucket-operator.dev", ApiVersion = "v1", Kind = "Widget", PluralName = "widgets")]
public sealed record Widget : IKubernetesObject
{
    public const string CrdName = "widgets.test.bucket-operator.dev";

    public string? ApiVersion { get; set; } = "test.bucket-operator.dev/v1";

    public string? Kind { get; set; } = "Widget";

    public V1ObjectMeta Metadata { get; set; } = new();

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
              "status": {"type": "object", "properties": {
                "phase": {"type": "string"},
                "conditions": {"type": "array", "items": {
                  "type": "object",
                  "required": ["type", "status", "reason", "message", "lastTransitionTime"],
                  "properties": {
                    "type": {"type": "string"},
                    "status": {"type": "string", "enum": ["True", "False", "Unknown"]},
                    "reason": {"type": "string", "minLength": 1},
                    "message": {"type": "string"},
                    "observedGeneration": {"type": "integer", "format": "int64"},
                    "lastTransitionTime": {"type": "string", "format": "date-time"}
                  }
                }}
              }}
            }}}
          }]
        }
        """).RootElement.Clone();
}

public sealed record WidgetSpec(int Size);

/// <param name="Conditions">Schema as metav1.Condition: every field but observedGeneration required.</param>
public sealed record WidgetStatus(string Phase, IList<Condition>? Conditions = null);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(KubernetesTimeConverter), typeof(KubernetesDateTimeConverter)])]
[JsonSerializable(typeof(Widget))]
[JsonSerializable(typeof(KubernetesList<Widget>))]
internal sealed partial class WidgetJsonContext : JsonSerializerContext;
