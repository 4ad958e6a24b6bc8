using System.Text.Json;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Serialization;

namespace BucketOperator.Kubernetes.Tests.Unit.Helpers;

public sealed class ConditionJsonTests
{
    [Fact]
    public void Serialize_EmptyMessageAndNoGeneration_StillWritesEveryRequiredField()
    {
        var condition = new Condition
        {
            Type = "Ready",
            Status = "Unknown",
            Reason = "Provisioning",
            Message = "",
            LastTransitionTime = new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero),
        };

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(condition, KubernetesJsonContext.Default.Condition));

        Assert.Equal(
            ["lastTransitionTime", "message", "reason", "status", "type"],
            json.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("", json.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public void Deserialize_WithoutReason_FailsInsteadOfInventingOne()
    {
        const string Json = """{"type":"Ready","status":"True","message":"m","lastTransitionTime":"2026-11-21T10:00:00Z"}""";

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(Json, KubernetesJsonContext.Default.Condition));

        Assert.Contains("reason", error.Message, StringComparison.Ordinal);
    }
}
