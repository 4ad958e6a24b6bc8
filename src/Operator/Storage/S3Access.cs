using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace BucketOperator.Operator.Storage;

/// <summary>
/// The S3 calls the operator makes with a bucket's own credentials: proving the Secret works (HeadBucket) and
/// turning versioning on (the Latitude API has no update call). Path-style addressing, as Latitude documents,
/// and checksums only when required, which S3-compatible servers accept.
/// </summary>
internal static class S3Access
{
    /// <summary>
    /// Null when the credentials reach the bucket; otherwise what S3 said. HeadBucket, not GetBucketLocation: a
    /// bucket-scoped key may be refused the location call while it may use the bucket (docs/design/create.md).
    /// </summary>
    public static async Task<string?> VerifyAsync(ConnectionDetails details, string accessKeyId, string secretAccessKey, CancellationToken cancellationToken)
    {
        using var s3 = Client(details, accessKeyId, secretAccessKey);
        try
        {
            await s3.HeadBucketAsync(new HeadBucketRequest { BucketName = details.BucketName }, cancellationToken);
            return null;
        }
        catch (AmazonS3Exception e) when (e.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest)
        {
            return $"S3 refused the credentials for bucket {details.BucketName}: {(int)e.StatusCode} {e.ErrorCode}";
        }
    }

    /// <summary>Null on success; otherwise the provider's refusal, for VersioningUpdateFailed.</summary>
    public static async Task<string?> EnableVersioningAsync(ConnectionDetails details, string accessKeyId, string secretAccessKey, CancellationToken cancellationToken)
    {
        using var s3 = Client(details, accessKeyId, secretAccessKey);
        try
        {
            await s3.PutBucketVersioningAsync(new PutBucketVersioningRequest
            {
                BucketName = details.BucketName,
                VersioningConfig = new S3BucketVersioningConfig { Status = VersionStatus.Enabled },
            }, cancellationToken);
            return null;
        }
        catch (AmazonS3Exception e) when ((int)e.StatusCode is >= 400 and < 500)
        {
            return $"S3 PutBucketVersioning on {details.BucketName}: {(int)e.StatusCode} {e.ErrorCode}: {e.Message}";
        }
    }

    private static AmazonS3Client Client(ConnectionDetails details, string accessKeyId, string secretAccessKey) =>
        new(new BasicAWSCredentials(accessKeyId, secretAccessKey), new AmazonS3Config
        {
            ServiceURL = details.Endpoint.ToString(),
            AuthenticationRegion = S3Endpoints.SigningRegion(details.Endpoint),
            ForcePathStyle = true,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            MaxErrorRetry = 1,
            Timeout = TimeSpan.FromSeconds(15),
        });
}
