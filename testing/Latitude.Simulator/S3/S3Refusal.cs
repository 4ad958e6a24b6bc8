namespace BucketOperator.Latitude.Simulator.S3;

/// <summary>
/// An S3 error: what the S3 server answers to PutBucketVersioning when told to, to test a provider that refuses to
/// turn versioning on (the operator's <c>VersioningUpdateFailed</c>), and what the permission front answers a key
/// that may not do what it asks.
/// </summary>
/// <param name="Code">S3 error code (default AccessDenied).</param>
/// <param name="Message">S3 error message; the operator shows it in the condition.</param>
/// <param name="Status">HTTP status (default 403).</param>
/// <param name="BucketName">Only this bucket; null refuses it for every bucket.</param>
public sealed record S3Refusal(string Code = "AccessDenied", string Message = "Access Denied", int Status = 403, string? BucketName = null);
