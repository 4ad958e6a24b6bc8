namespace BucketOperator.Latitude.Models;

/// <summary>An S3 key pair. <see cref="ToString"/> never shows the secret, so it is safe in logs and messages.</summary>
public sealed record S3Credentials(string AccessKeyId, string SecretAccessKey)
{
    public override string ToString() => $"S3Credentials {{ AccessKeyId = {AccessKeyId}, SecretAccessKey = *** }}";
}
