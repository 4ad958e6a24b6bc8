namespace BucketOperator.Latitude.Simulator.S3;

/// <summary>No S3 server: buckets exist only in the simulator's state.</summary>
internal sealed class NoS3Backend : IS3Backend
{
    public Uri? Endpoint => null;

    public Task CreateBucketAsync(string name, bool versioning, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task DeleteBucketAsync(string name, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<bool?> IsEmptyAsync(string name, CancellationToken cancellationToken) => Task.FromResult<bool?>(null);

    public Task RegisterKeyAsync(string accessKeyId, string secret, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RevokeKeyAsync(string accessKeyId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RefuseVersioningAsync(S3Refusal? refusal, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("no S3 server backs this simulator: start it with SimulatorOptions.S3");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
