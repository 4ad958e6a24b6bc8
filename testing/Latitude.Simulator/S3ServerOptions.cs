namespace BucketOperator.Latitude.Simulator;

/// <summary>Where the s3rver launcher is (hack/s3/s3-server.js, installed with <c>npm ci --prefix hack/s3</c>).</summary>
/// <param name="Script">Path of s3-server.js; null searches upwards from the application directory for hack/s3/s3-server.js.</param>
public sealed record S3ServerOptions(string? Script = null);
