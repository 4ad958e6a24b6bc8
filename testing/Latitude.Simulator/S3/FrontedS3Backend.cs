namespace BucketOperator.Latitude.Simulator.S3;

/// <summary>A real S3 server reached through an <see cref="S3PermissionFront"/>: the front's endpoint is the one handed out.</summary>
internal sealed class FrontedS3Backend(IS3Backend inner, S3PermissionFront front) : IS3Backend
{
    public Uri? Endpoint => front.Endpoint;

    public Task CreateBucketAsync(string name, bool versioning, CancellationToken cancellationToken) => inner.CreateBucketAsync(name, versioning, cancellationToken);

    public Task DeleteBucketAsync(string name, CancellationToken cancellationToken) => inner.DeleteBucketAsync(name, cancellationToken);

    public Task<bool?> IsEmptyAsync(string name, CancellationToken cancellationToken) => inner.IsEmptyAsync(name, cancellationToken);

    public Task RegisterKeyAsync(string accessKeyId, string secret, CancellationToken cancellationToken) => inner.RegisterKeyAsync(accessKeyId, secret, cancellationToken);

    public Task RevokeKeyAsync(string accessKeyId, CancellationToken cancellationToken) => inner.RevokeKeyAsync(accessKeyId, cancellationToken);

    public Task RefuseVersioningAsync(S3Refusal? refusal, CancellationToken cancellationToken) => inner.RefuseVersioningAsync(refusal, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await front.DisposeAsync();
        await inner.DisposeAsync();
    }
}
