using BucketOperator.Latitude.Models;

namespace BucketOperator.Latitude;

/// <summary>
/// Object-storage calls for one API token. Failures throw <see cref="Errors.LatitudeApiException"/>, except
/// a read of a missing bucket (null) and a delete of one (false: already gone counts as deleted). Every call
/// takes a slot of the token's budget (60 GET, 20 writes a minute) and may throw
/// <see cref="RateLimiting.RateBudgetExhaustedException"/> (nothing sent) when that budget is spent.
/// </summary>
public interface ILatitudeClient
{
    /// <summary>All buckets of the team, or of one project: one call, however many buckets (the API does not page it).</summary>
    Task<IReadOnlyList<Bucket>> ListBucketsAsync(string? project, CancellationToken cancellationToken = default);

    Task<Bucket?> GetBucketAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sent once, never retried: see <see cref="Errors.LatitudeApiException.OutcomeUnknown"/> for how to
    /// recover when the answer is lost.
    /// </summary>
    Task<Bucket> CreateBucketAsync(CreateBucketRequest request, CancellationToken cancellationToken = default);

    Task<bool> DeleteBucketAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The one response that carries the secret. Sent once, never retried.</summary>
    Task<CreatedAccessKey> CreateAccessKeyAsync(CreateAccessKeyRequest request, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AccessKey>> ListAccessKeysAsync(string project, CancellationToken cancellationToken = default);

    /// <param name="region">Required for high_performance keys (it picks the cluster); ignored for standard ones.</param>
    Task<bool> DeleteAccessKeyAsync(string username, string storageClass, string project, string? region = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The bucket's rules (one GET), or null when the bucket is missing (404 <c>not_found</c>). A bare 404 (no error
    /// envelope: an API without the route) throws <see cref="Errors.LatitudeErrorKind.NotFound"/> instead, so it is
    /// never read as a deleted bucket. 403 STORAGE_NOT_ENABLED throws <see cref="Errors.LatitudeErrorKind.StorageNotEnabled"/>.
    /// A rule without <c>id</c> or <c>name</c> fails the call as <see cref="Errors.LatitudeErrorKind.MalformedResponse"/>.
    /// </summary>
    Task<IReadOnlyList<LifecycleRule>?> ListLifecycleRulesAsync(string bucketId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sent once, never retried (a POST). Refusals throw: 422 VALIDATION_ERROR as <see cref="Errors.LatitudeErrorKind.Validation"/>
    /// (the API's detail in <see cref="Errors.LatitudeApiException.Error"/>, for <c>LifecycleRuleRejected</c>), 404 <c>not_found</c>
    /// (bucket gone) as <see cref="Errors.LatitudeErrorKind.NotFound"/>, 403 as <see cref="Errors.LatitudeErrorKind.StorageNotEnabled"/>
    /// or <see cref="Errors.LatitudeErrorKind.Unauthorized"/>, and 500 LIFECYCLE_RULE_CREATE_ERROR as a transient
    /// <see cref="Errors.LatitudeErrorKind.ProviderError"/> with <see cref="Errors.LatitudeApiException.OutcomeUnknown"/>: list
    /// and match by name before creating again.
    /// </summary>
    Task<LifecycleRule> CreateLifecycleRuleAsync(string bucketId, LifecycleRuleRequest rule, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the rule's settings with <paramref name="rule"/> (every field sent, nulls included, so a removed prefix
    /// is cleared). PATCH first; when the API answers 405 or a 404 without its error envelope, PUT, and PUT from then
    /// on for every client of the factory (and back, should PUT meet the same). Retried on transient failures like
    /// any idempotent call. Errors as <see cref="CreateLifecycleRuleAsync"/>, 500 LIFECYCLE_RULE_UPDATE_ERROR
    /// included; a 404 <c>not_found</c> (<see cref="Errors.LatitudeErrorKind.NotFound"/>) means the rule or its bucket
    /// is gone: list to tell which, then create.
    /// </summary>
    Task<LifecycleRule> UpdateLifecycleRuleAsync(string bucketId, string ruleId, LifecycleRuleRequest rule, CancellationToken cancellationToken = default);

    /// <summary>False when the rule (or its bucket) is already gone. 500 LIFECYCLE_RULE_DESTROY_ERROR is retried, then thrown as transient.</summary>
    Task<bool> DeleteLifecycleRuleAsync(string bucketId, string ruleId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The latest day's stored bytes of one bucket (<c>GET /storage/usage?filter[project]=…&amp;filter[storage_id]=…</c>, the
    /// API's default period: yesterday and today), or null when the API has no row for it. Rows name storages by
    /// an internal number, not the <c>bkt_</c> ID, so each bucket is read on its own; rows of several storages (the
    /// filter ignored), or a row without <c>date</c> or <c>bytes</c>, throw <see cref="Errors.LatitudeErrorKind.MalformedResponse"/>.
    /// </summary>
    /// <param name="project">Project ID or slug; required by the API.</param>
    Task<BucketUsage?> GetBucketUsageAsync(string project, string bucketId, CancellationToken cancellationToken = default);
}
