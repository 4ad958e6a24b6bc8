using BucketOperator.Latitude.Errors;
using BucketOperator.Latitude.Models;
using BucketOperator.Latitude.Serialization;

namespace BucketOperator.Latitude;

/// <summary>Lifecycle rules of a bucket (object-storage.md §6), over the same rate limits, retries and error kinds as the rest.</summary>
public sealed partial class LatitudeClient
{
    private const string RuleType = "lifecycle_rules";

    public async Task<IReadOnlyList<LifecycleRule>?> ListLifecycleRulesAsync(string bucketId, CancellationToken cancellationToken = default)
    {
        var path = RulesPath(bucketId);
        try
        {
            var document = await SendAsync(HttpMethod.Get, path, null, LatitudeJsonContext.Default.DocumentListResourceLifecycleRuleAttributes, cancellationToken);
            return Read(HttpMethod.Get, path, () => (document!.Data ?? []).Select(rule => ResponseReader.ToLifecycleRule(rule, bucketId)).ToList());
        }
        catch (LatitudeApiException e) when (e.Kind == LatitudeErrorKind.NotFound && e.Error.FromErrorEnvelope)
        {
            // Only the API's own not_found says the bucket is gone; a bare 404 is a route this API does not have.
            return null;
        }
    }

    public async Task<LifecycleRule> CreateLifecycleRuleAsync(string bucketId, LifecycleRuleRequest rule, CancellationToken cancellationToken = default)
    {
        var path = RulesPath(bucketId);
        var body = Json(
            new Document<NewResource<CreateLifecycleRuleAttributes>>(new(RuleType, new CreateLifecycleRuleAttributes(
                rule.Name, rule.Enabled, rule.Prefix, rule.ExpirationDays, rule.NoncurrentDays, rule.AbortIncompleteMultipartUploadDays))),
            LatitudeJsonContext.Default.DocumentNewResourceCreateLifecycleRuleAttributes);
        var document = await SendAsync(HttpMethod.Post, path, body, LatitudeJsonContext.Default.DocumentResourceLifecycleRuleAttributes, cancellationToken);
        return Read(HttpMethod.Post, path, () => ResponseReader.ToLifecycleRule(document!.Data, bucketId));
    }

    public async Task<LifecycleRule> UpdateLifecycleRuleAsync(string bucketId, string ruleId, LifecycleRuleRequest rule, CancellationToken cancellationToken = default)
    {
        var path = RulePath(bucketId, ruleId);
        var body = Json(
            new Document<NewResource<UpdateLifecycleRuleAttributes>>(new(RuleType, new UpdateLifecycleRuleAttributes(
                rule.Name, rule.Enabled, rule.Prefix, rule.ExpirationDays, rule.NoncurrentDays, rule.AbortIncompleteMultipartUploadDays))),
            LatitudeJsonContext.Default.DocumentNewResourceUpdateLifecycleRuleAttributes);
        var method = _ruleUpdate.Method;
        try
        {
            return await SendRuleUpdateAsync(method, path, body, bucketId, cancellationToken);
        }
        catch (LatitudeApiException e) when (LifecycleRuleUpdateRoute.IsUnrouted(e))
        {
            // The whole rule is sent either way, so the body means the same under PUT's replace semantics.
            var other = _ruleUpdate.SwitchFrom(method);
            Log.LifecycleRuleUpdateMethodSwitched(logger, path, e.HttpStatus, method.Method, other.Method);
            return await SendRuleUpdateAsync(other, path, body, bucketId, cancellationToken);
        }
    }

    public Task<bool> DeleteLifecycleRuleAsync(string bucketId, string ruleId, CancellationToken cancellationToken = default) =>
        DeleteAsync(RulePath(bucketId, ruleId), cancellationToken);

    private static string RulesPath(string bucketId) => $"/storage/buckets/{Uri.EscapeDataString(bucketId)}/lifecycle_rules";

    private static string RulePath(string bucketId, string ruleId) => RulesPath(bucketId) + "/" + Uri.EscapeDataString(ruleId);

    private async Task<LifecycleRule> SendRuleUpdateAsync(HttpMethod method, string path, string body, string bucketId, CancellationToken cancellationToken)
    {
        var document = await SendAsync(method, path, body, LatitudeJsonContext.Default.DocumentResourceLifecycleRuleAttributes, cancellationToken);
        return Read(method, path, () => ResponseReader.ToLifecycleRule(document!.Data, bucketId));
    }
}
