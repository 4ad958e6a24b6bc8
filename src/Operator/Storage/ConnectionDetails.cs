namespace BucketOperator.Operator.Storage;

/// <summary>Where the bucket is, as status recorded it: everything in the Secret but the credentials.</summary>
internal sealed record ConnectionDetails(string BucketId, string BucketName, Uri Endpoint, string Site);
