namespace BucketOperator.Latitude.Simulator.S3;

/// <summary>Where simulated buckets live: nowhere (fictitious endpoints) or a real S3 server.</summary>
public interface IS3Backend : IAsyncDisposable
{
    /// <summary>The S3 endpoint to hand out, or null to derive Latitude-style fictitious ones.</summary>
    Uri? Endpoint { get; }

    /// <param name="versioning">Turn S3 versioning on, as a bucket created with versioning (or Object Lock) has it.</param>
    Task CreateBucketAsync(string name, bool versioning, CancellationToken cancellationToken);

    Task DeleteBucketAsync(string name, CancellationToken cancellationToken);

    /// <summary>Null when the backend cannot tell (then the simulator's own object count decides).</summary>
    Task<bool?> IsEmptyAsync(string name, CancellationToken cancellationToken);

    Task RegisterKeyAsync(string accessKeyId, string secret, CancellationToken cancellationToken);

    Task RevokeKeyAsync(string accessKeyId, CancellationToken cancellationToken);

    /// <summary>From now on PutBucketVersioning gets this S3 error; null accepts it again.</summary>
    Task RefuseVersioningAsync(S3Refusal? refusal, CancellationToken cancellationToken);
}
