using BucketOperator.Latitude.Models;

namespace BucketOperator.Latitude;

/// <summary>
/// Object-storage calls for one API token. Failures throw <see cref="Errors.LatitudeApiException"/>, except
/// a read of a missing bucket (null) and a delete of one (false: already gone counts as deleted).
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
}
