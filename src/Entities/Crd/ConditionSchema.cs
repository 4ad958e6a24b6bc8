using System.Text.Json.Nodes;

namespace BucketOperator.Entities.Crd;

/// <summary>
/// The schema of metav1.Condition, as Kubernetes validates conditions of its own kinds: the model type cannot
/// carry schema attributes, and every condition the operator writes has all five required fields.
/// </summary>
internal static class ConditionSchema
{
    public static JsonObject Create() => new()
    {
        ["description"] = "One aspect of the object's state, in the standard Kubernetes condition shape.",
        ["type"] = "object",
        ["required"] = new JsonArray("type", "status", "reason", "message", "lastTransitionTime"),
        ["properties"] = new JsonObject
        {
            ["type"] = new JsonObject
            {
                ["description"] = "Condition type in CamelCase, e.g. Ready.",
                ["type"] = "string",
                ["maxLength"] = 316,
                ["pattern"] = @"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$",
            },
            ["status"] = new JsonObject
            {
                ["description"] = "True, False or Unknown.",
                ["type"] = "string",
                ["enum"] = new JsonArray("True", "False", "Unknown"),
            },
            ["observedGeneration"] = new JsonObject
            {
                ["description"] = "The metadata.generation the condition was set for.",
                ["type"] = "integer",
                ["format"] = "int64",
                ["minimum"] = 0,
            },
            ["lastTransitionTime"] = new JsonObject
            {
                ["description"] = "When status last changed.",
                ["type"] = "string",
                ["format"] = "date-time",
            },
            ["reason"] = new JsonObject
            {
                ["description"] = "Why the condition has its status, in CamelCase: a value tools may match on.",
                ["type"] = "string",
                ["minLength"] = 1,
                ["maxLength"] = 1024,
                ["pattern"] = "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$",
            },
            ["message"] = new JsonObject
            {
                ["description"] = "Details for humans; may be empty.",
                ["type"] = "string",
                ["maxLength"] = 32768,
            },
        },
    };
}
