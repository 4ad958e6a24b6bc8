using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BucketOperator.Entities;
using BucketOperator.Kubernetes.Helpers;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Operator.Reconciliation;

namespace BucketOperator.Operator.Storage;

/// <summary>
/// The Secret SPEC's table describes: S3 credentials, endpoint and region under the names AWS SDKs read, plus
/// ObjectBucketClaim-compatible and Latitude names. Only the operator's labels (never the ObjectBucket's, so
/// GitOps tools see no drift) and one annotation: a SHA-256 of the credentials, which tells a hand edit of the
/// secret key apart from ours without keeping the secret anywhere else.
/// </summary>
internal static class ConnectionSecret
{
    public const string AccessKeyId = "AWS_ACCESS_KEY_ID";
    public const string SecretAccessKey = "AWS_SECRET_ACCESS_KEY";
    public const string CredentialsHashAnnotation = "storage.latitude.sh/credentials-sha256";

    public static V1Secret Build(ObjectBucket owner, string secretName, ConnectionDetails details, string accessKeyId, string secretAccessKey)
    {
        var secret = new V1Secret
        {
            Metadata = new V1ObjectMeta
            {
                Name = secretName,
                NamespaceProperty = owner.Metadata.NamespaceProperty,
                Labels = new Dictionary<string, string>
                {
                    [ObjectBucketNames.ManagedByLabel] = ObjectBucketNames.ManagedByValue,
                    [ObjectBucketNames.ObjectBucketLabel] = owner.Metadata.Name!,
                },
                Annotations = new Dictionary<string, string> { [CredentialsHashAnnotation] = Hash(accessKeyId, secretAccessKey) },
            },
            Type = "Opaque",
            Data = Data(details, accessKeyId, secretAccessKey),
        };
        Ownership.SetControllerReference(owner, secret);
        return secret;
    }

    /// <summary>The credentials in <paramref name="secret"/>, if both halves are there.</summary>
    public static (string AccessKeyId, string SecretAccessKey)? Credentials(V1Secret? secret) =>
        secret?.Data is { } data && data.TryGetValue(AccessKeyId, out var id) && data.TryGetValue(SecretAccessKey, out var key) && id.Length > 0 && key.Length > 0
            ? (Encoding.UTF8.GetString(id), Encoding.UTF8.GetString(key))
            : null;

    /// <summary>Whether the Secret names a bucket other than this one: its credentials were issued for that bucket.</summary>
    public static bool IsForAnotherBucket(V1Secret? secret, ConnectionDetails details) =>
        secret?.Data?.TryGetValue("LATITUDE_BUCKET_ID", out var id) == true && Encoding.UTF8.GetString(id) != details.BucketId;

    /// <summary>Whether the Secret still holds exactly what the operator wrote: every key, our labels, our owner, the credentials we hashed.</summary>
    public static bool IsIntact(V1Secret secret, ObjectBucket owner, ConnectionDetails details)
    {
        if (Credentials(secret) is not var (id, key) || secret.Metadata.Annotations?.ValueOrDefault(CredentialsHashAnnotation) != Hash(id, key))
        {
            return false;
        }

        var expected = Data(details, id, key);
        return secret.Data!.Count == expected.Count
            && expected.All(pair => secret.Data.TryGetValue(pair.Key, out var value) && value.AsSpan().SequenceEqual(pair.Value))
            && secret.Metadata.Labels?.ValueOrDefault(ObjectBucketNames.ManagedByLabel) == ObjectBucketNames.ManagedByValue
            && secret.Metadata.Labels?.ValueOrDefault(ObjectBucketNames.ObjectBucketLabel) == owner.Metadata.Name
            && Ownership.IsControlledBy(secret, owner);
    }

    public static string Hash(string accessKeyId, string secretAccessKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(accessKeyId + "\n" + secretAccessKey)));

    private static Dictionary<string, byte[]> Data(ConnectionDetails details, string accessKeyId, string secretAccessKey)
    {
        var region = S3Endpoints.SigningRegion(details.Endpoint);
        var endpoint = details.Endpoint.ToString().TrimEnd('/');
        var values = new Dictionary<string, string>
        {
            [AccessKeyId] = accessKeyId,
            [SecretAccessKey] = secretAccessKey,
            ["AWS_ENDPOINT_URL"] = endpoint,
            ["AWS_ENDPOINT_URL_S3"] = endpoint,
            ["AWS_REGION"] = region,
            ["AWS_DEFAULT_REGION"] = region,
            ["BUCKET_NAME"] = details.BucketName,
            ["BUCKET_HOST"] = details.Endpoint.Host,
            ["BUCKET_PORT"] = details.Endpoint.Port.ToString(CultureInfo.InvariantCulture),
            ["BUCKET_REGION"] = region,
            ["LATITUDE_BUCKET_ID"] = details.BucketId,
            ["LATITUDE_REGION"] = details.Site,
        };
        return values.ToDictionary(pair => pair.Key, pair => Encoding.UTF8.GetBytes(pair.Value));
    }
}
