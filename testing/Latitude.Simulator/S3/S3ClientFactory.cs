using Amazon.Runtime;
using Amazon.S3;

namespace BucketOperator.Latitude.Simulator.S3;

/// <summary>
/// AWSSDK.S3 4.x settings that s3rver understands: path-style addressing and checksums only when required
/// (uploads must also set UseChunkEncoding = false, or objects are stored with chunk signatures inside).
/// </summary>
public static class S3ClientFactory
{
    public static AmazonS3Client Create(Uri endpoint, string accessKeyId, string secretAccessKey, string region = "us-east-1") =>
        new(new BasicAWSCredentials(accessKeyId, secretAccessKey), new AmazonS3Config
        {
            ServiceURL = endpoint.ToString(),
            AuthenticationRegion = region,
            ForcePathStyle = true,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
}
