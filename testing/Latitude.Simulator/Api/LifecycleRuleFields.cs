using System.Text.Json;
using System.Text.Json.Nodes;
using BucketOperator.Latitude.Simulator.State;

namespace BucketOperator.Latitude.Simulator.Api;

/// <summary>
/// Reads a lifecycle rule's attributes onto a rule, as the API validates them: a name with text, day counts that are
/// whole numbers of at least 1, <c>expiration_days</c> never null. An absent field keeps the rule's value.
/// </summary>
internal static class LifecycleRuleFields
{
    public static (SimulatedLifecycleRule? Rule, string? Error) Apply(JsonObject attributes, SimulatedLifecycleRule rule)
    {
        if (attributes.TryGetPropertyValue("name", out var name))
        {
            if (Text(name) is not { } text || string.IsNullOrWhiteSpace(text))
            {
                return (null, "name can't be blank");
            }

            rule = rule with { Name = text };
        }

        if (attributes.TryGetPropertyValue("enabled", out var enabled))
        {
            if (enabled is not JsonValue flag || !flag.TryGetValue<bool>(out var on))
            {
                return (null, "enabled must be true or false");
            }

            rule = rule with { Enabled = on };
        }

        if (attributes.TryGetPropertyValue("prefix", out var prefix))
        {
            if (prefix is not null && Text(prefix) is null)
            {
                return (null, "prefix must be a string");
            }

            rule = rule with { Prefix = Text(prefix) };
        }

        return ApplyDays(attributes, rule);
    }

    private static (SimulatedLifecycleRule? Rule, string? Error) ApplyDays(JsonObject attributes, SimulatedLifecycleRule rule)
    {
        string? error = null;
        int? Days(string field, int? current, bool nullable)
        {
            if (!attributes.TryGetPropertyValue(field, out var node))
            {
                return current;
            }

            if (node is null && nullable)
            {
                return null;
            }

            if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var days) && days >= 1)
            {
                return days;
            }

            error ??= $"{field} must be greater than 0";
            return current;
        }

        var expiration = Days("expiration_days", rule.ExpirationDays, nullable: false);
        var noncurrent = Days("noncurrent_days", rule.NoncurrentDays, nullable: true);
        var abort = Days("abort_mpu_days_after_initiation", rule.AbortMpuDaysAfterInitiation, nullable: true);
        return error is null
            ? (rule with { ExpirationDays = expiration!.Value, NoncurrentDays = noncurrent, AbortMpuDaysAfterInitiation = abort }, null)
            : (null, error);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
