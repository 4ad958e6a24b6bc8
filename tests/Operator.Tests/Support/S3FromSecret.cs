using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using BucketOperator.Latitude.Simulator.S3;

namespace BucketOperator.Operator.Tests.Support;

/// <summary>What an application does with the Secret: an AWS SDK client built only from its values.</summary>
internal static class S3FromSecret
{
    public static async Task<string> PutAndGetAsync(IReadOnlyDictionary<string, string> secret, string content)
    {
        using var s3 = new AmazonS3Client(new BasicAWSCredentials(secret["AWS_ACCESS_KEY_ID"], secret["AWS_SECRET_ACCESS_KEY"]), new AmazonS3Config
        {
            ServiceURL = secret["AWS_ENDPOINT_URL_S3"],
            AuthenticationRegion = secret["AWS_REGION"],
            ForcePathStyle = true,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = secret["BUCKET_NAME"], Key = "hello.txt", ContentBody = content, UseChunkEncoding = false });
        using var response = await s3.GetObjectAsync(secret["BUCKET_NAME"], "hello.txt");
        using var reader = new StreamReader(response.ResponseStream);
        return await reader.ReadToEndAsync();
    }

    /// <summary>The bucket's versioning status over S3 ("Enabled", or null when never set), read with the Secret's values.</summary>
    public static async Task<string?> VersioningAsync(IReadOnlyDictionary<string, string> secret)
    {
        using var s3 = S3ClientFactory.Create(new Uri(secret["AWS_ENDPOINT_URL_S3"]), secret["AWS_ACCESS_KEY_ID"], secret["AWS_SECRET_ACCESS_KEY"], secret["AWS_REGION"]);
        var versioning = await s3.GetBucketVersioningAsync(secret["BUCKET_NAME"]);
        return versioning.VersioningConfig.Status?.Value;
    }
}
