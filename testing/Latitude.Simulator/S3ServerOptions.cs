namespace BucketOperator.Latitude.Simulator;

/// <summary>Where the s3rver launcher is (hack/s3/s3-server.js, installed with <c>npm ci --prefix hack/s3</c>).</summary>
/// <param name="Script">Path of s3-server.js; null searches upwards from the application directory for hack/s3/s3-server.js.</param>
/// <param name="EnforcePermissions">
/// Hand out an S3 endpoint that enforces what each key may do (default true): bucket-scoped and read-only keys,
/// another project's buckets, unknown and deleted keys, as the provider's bucket policies would (s3rver has none).
/// False hands out s3rver itself, where any registered key reaches any bucket.
/// </param>
public sealed record S3ServerOptions(string? Script = null, bool EnforcePermissions = true);
