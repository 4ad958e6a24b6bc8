using System.Text.Json.Serialization;
using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Kubernetes.Tests.Unit;

/// <summary>A kind with a required member, as generated CRD types have: a bookmark cannot be bound to it.</summary>
[KubernetesEntity(Group = "test.bucket-operator.dev", ApiVersion = "v1", Kind = "Strict", PluralName = "stricts")]
public sealed record Strict : IKubernetesObject
{
    public string? ApiVersion { get; set; } = "test.bucket-operator.dev/v1";

    public string? Kind { get; set; } = "Strict";

    public V1ObjectMeta Metadata { get; set; } = new();

    public required string Payload { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Strict))]
internal sealed partial class StrictJsonContext : JsonSerializerContext;
