using System.Text.Json.Nodes;
using BucketOperator.Latitude.Simulator.Pipeline;
using BucketOperator.Latitude.Simulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BucketOperator.Latitude.Simulator.Api;

/// <summary>
/// <c>/storage/buckets/{bucket_id}/lifecycle_rules[/{id}]</c> (object-storage.md §6). PATCH and PUT (when both are
/// routed) mean the same: the fields sent replace the rule's, the others are kept.
/// </summary>
internal static class LifecycleRuleEndpoints
{
    private const string Rules = "/storage/buckets/{bucketId}/lifecycle_rules";
    private const string Rule = Rules + "/{ruleId}";

    public static void MapLifecycleRules(this IEndpointRouteBuilder app, LifecycleRuleUpdateMethods updates)
    {
        app.MapGet(Rules, List);
        app.MapPost(Rules, CreateAsync);
        app.MapGet(Rule, Get);
        if (updates != LifecycleRuleUpdateMethods.PutOnly)
        {
            app.MapPatch(Rule, UpdateAsync);
        }

        if (updates != LifecycleRuleUpdateMethods.PatchOnly)
        {
            app.MapPut(Rule, UpdateAsync);
        }

        app.MapDelete(Rule, Delete);
    }

    private static IResult List(string bucketId, HttpContext context, SimulatorState state) =>
        Readable(bucketId, context, state, out var bucket) ?? JsonApi.Data(200, new JsonArray([.. state.LifecycleRules.Of(bucket!.Id).Select(r => (JsonNode)Render(r))]));

    private static IResult Get(string bucketId, string ruleId, HttpContext context, SimulatorState state) =>
        Readable(bucketId, context, state, out var bucket)
        ?? (state.LifecycleRules.Find(bucket!.Id, ruleId) is { } rule ? JsonApi.Data(200, Render(rule)) : ApiErrors.RecordNotFound);

    private static async Task<IResult> CreateAsync(string bucketId, HttpContext context, SimulatorState state)
    {
        if (Writable(bucketId, context, state, out var bucket) is { } refused)
        {
            return refused;
        }

        if (await JsonApi.ReadAttributesAsync(context.Request, "lifecycle_rules") is not { } attributes)
        {
            return ApiErrors.Validation("data.type must be 'lifecycle_rules' and data.attributes is required");
        }

        var blank = new SimulatedLifecycleRule { Id = SimulatorState.NewId("lifecycle_"), BucketId = bucket!.Id, Name = "", ExpirationDays = 0 };
        var (rule, error) = LifecycleRuleFields.Apply(attributes, blank);
        error ??= rule!.Name.Length == 0 ? "name can't be blank" : rule.ExpirationDays == 0 ? "expiration_days can't be blank" : null;
        if (error is not null)
        {
            return ApiErrors.Validation(error);
        }

        state.LifecycleRules.Put(rule!);
        return JsonApi.Data(201, Render(rule!));
    }

    private static async Task<IResult> UpdateAsync(string bucketId, string ruleId, HttpContext context, SimulatorState state)
    {
        if (Writable(bucketId, context, state, out var bucket) is { } refused)
        {
            return refused;
        }

        if (state.LifecycleRules.Find(bucket!.Id, ruleId) is not { } existing)
        {
            return ApiErrors.RecordNotFound;
        }

        if (await JsonApi.ReadAttributesAsync(context.Request, "lifecycle_rules") is not { } attributes || !attributes.ContainsKey("name"))
        {
            return ApiErrors.Validation("name can't be blank");
        }

        var (rule, error) = LifecycleRuleFields.Apply(attributes, existing);
        if (rule is null)
        {
            return ApiErrors.Validation(error!);
        }

        state.LifecycleRules.Put(rule);
        return JsonApi.Data(200, Render(rule));
    }

    private static IResult Delete(string bucketId, string ruleId, HttpContext context, SimulatorState state) =>
        Writable(bucketId, context, state, out var bucket)
        ?? (state.LifecycleRules.Remove(bucket!.Id, ruleId) ? Results.StatusCode(204) : ApiErrors.RecordNotFound);

    /// <summary>Null when the caller may read the bucket's rules (then <paramref name="bucket"/> is set); else the refusal.</summary>
    private static IResult? Readable(string bucketId, HttpContext context, SimulatorState state, out SimulatedBucket? bucket)
    {
        var caller = Caller.Of(context);
        bucket = caller.Team.StorageEnabled ? BucketEndpoints.OwnedBucket(bucketId, caller, state) : null;
        return !caller.Team.StorageEnabled ? ApiErrors.RulesStorageNotEnabled : bucket is null ? ApiErrors.RecordNotFound : null;
    }

    private static IResult? Writable(string bucketId, HttpContext context, SimulatorState state, out SimulatedBucket? bucket)
    {
        bucket = null;
        return BucketEndpoints.RefuseWrite(Caller.Of(context), ApiErrors.RulesStorageNotEnabled) ?? Readable(bucketId, context, state, out bucket);
    }

    private static JsonObject Render(SimulatedLifecycleRule rule) => new()
    {
        ["id"] = rule.Id,
        ["type"] = "lifecycle_rules",
        ["attributes"] = new JsonObject
        {
            ["name"] = rule.Name,
            ["enabled"] = rule.Enabled,
            ["prefix"] = rule.Prefix,
            ["expiration_days"] = rule.ExpirationDays,
            ["noncurrent_days"] = rule.NoncurrentDays,
            ["abort_mpu_days_after_initiation"] = rule.AbortMpuDaysAfterInitiation,
        },
    };
}
