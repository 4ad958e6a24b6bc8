using System.Text;
using BucketOperator.Entities;
using BucketOperator.Operator.Storage;

namespace BucketOperator.Operator.Tests.Unit;

public sealed class ConnectionSecretTests
{
    private const string AccessKeyId = "AKIALATITUDE0001";
    private const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    /// <summary>Every endpoint shape: standard (AWS-style region), high performance (site region), a local S3 server.</summary>
    public static TheoryData<string, string, string, string, string> Endpoints => new()
    {
        { "https://objects.us-east-1.storage.sh", "https://objects.us-east-1.storage.sh", "us-east-1", "objects.us-east-1.storage.sh", "443" },
        { "https://objects.us-east-1.storage.sh/", "https://objects.us-east-1.storage.sh", "us-east-1", "objects.us-east-1.storage.sh", "443" },
        { "https://objects.nyc.storage.sh", "https://objects.nyc.storage.sh", "nyc", "objects.nyc.storage.sh", "443" },
        { "https://objects.sa-east-1.storage.sh", "https://objects.sa-east-1.storage.sh", "sa-east-1", "objects.sa-east-1.storage.sh", "443" },
        { "http://127.0.0.1:4568", "http://127.0.0.1:4568", "us-east-1", "127.0.0.1", "4568" },
    };

    /// <summary>Every way the Secret can be edited; each must make it not intact.</summary>
    public static TheoryData<string> Edits => new(
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3", "AWS_REGION", "AWS_DEFAULT_REGION",
        "BUCKET_NAME", "BUCKET_HOST", "BUCKET_PORT", "BUCKET_REGION", "LATITUDE_BUCKET_ID", "LATITUDE_REGION",
        "remove AWS_REGION", "remove AWS_SECRET_ACCESS_KEY", "add EXTRA", "both credentials", "managed-by label", "objectbucket label",
        "labels removed", "hash annotation", "annotations removed", "owner removed", "another owner");

    [Theory]
    [MemberData(nameof(Endpoints))]
    public void Build_Endpoint_SpecKeysWithValues(string endpoint, string url, string region, string host, string port)
    {
        var secret = ConnectionSecret.Build(Buckets.New(), "team-assets-s3", Details(endpoint), AccessKeyId, SecretAccessKey);

        var expected = new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey,
            ["AWS_ENDPOINT_URL"] = url,
            ["AWS_ENDPOINT_URL_S3"] = url,
            ["AWS_REGION"] = region,
            ["AWS_DEFAULT_REGION"] = region,
            ["BUCKET_NAME"] = "team-assets",
            ["BUCKET_HOST"] = host,
            ["BUCKET_PORT"] = port,
            ["BUCKET_REGION"] = region,
            ["LATITUDE_BUCKET_ID"] = "bkt_6VE1Wd37dXnZJ",
            ["LATITUDE_REGION"] = "DAL",
        };
        Assert.Equal(expected.OrderBy(p => p.Key), Values(secret).OrderBy(p => p.Key));
    }

    [Fact]
    public void Build_Always_OpaqueInTheOwnersNamespaceWithItsName()
    {
        var secret = ConnectionSecret.Build(Buckets.New(), "team-assets-s3", Details(), AccessKeyId, SecretAccessKey);

        Assert.Equal(("Opaque", "team-assets-s3", "team-a"), (secret.Type, secret.Metadata.Name, secret.Metadata.NamespaceProperty));
    }

    [Fact]
    public void Build_OwnerWithGitOpsLabelsAndAnnotations_OnlyTheOperatorsLabels()
    {
        var owner = Buckets.New();
        owner.Metadata.Labels = new Dictionary<string, string>
        {
            ["app.kubernetes.io/instance"] = "team-a-apps",
            ["app.kubernetes.io/managed-by"] = "argocd",
            ["team"] = "a",
        };
        owner.Metadata.Annotations = new Dictionary<string, string>
        {
            ["argocd.argoproj.io/tracking-id"] = "team-a-apps:storage.latitude.sh/ObjectBucket:team-a/team-assets",
            ["kubectl.kubernetes.io/last-applied-configuration"] = "{}",
        };

        var secret = ConnectionSecret.Build(owner, "team-assets", Details(), AccessKeyId, SecretAccessKey);

        Assert.Equal(
            new Dictionary<string, string>
            {
                [ObjectBucketNames.ManagedByLabel] = "latitude-bucket-operator",
                [ObjectBucketNames.ObjectBucketLabel] = "team-assets",
            },
            secret.Metadata.Labels);
        Assert.Equal(new[] { ConnectionSecret.CredentialsHashAnnotation }, secret.Metadata.Annotations!.Keys);
    }

    [Fact]
    public void Build_Always_ControllerOwnerReferenceToTheObjectBucket()
    {
        var owner = Buckets.New();

        var reference = Assert.Single(ConnectionSecret.Build(owner, "team-assets", Details(), AccessKeyId, SecretAccessKey).Metadata.OwnerReferences!);

        Assert.Equal(("storage.latitude.sh/v1alpha1", "ObjectBucket", "team-assets", owner.Metadata.Uid), (reference.ApiVersion, reference.Kind, reference.Name, reference.Uid));
        Assert.True(reference.Controller);
        Assert.True(reference.BlockOwnerDeletion);
    }

    [Fact]
    public void Build_Always_NoSecretValueInMetadata()
    {
        var secret = ConnectionSecret.Build(Buckets.New(), "team-assets", Details(), AccessKeyId, SecretAccessKey);

        var metadata = string.Join('\n', secret.Metadata.Labels!.Concat(secret.Metadata.Annotations!));
        Assert.DoesNotContain(SecretAccessKey, metadata, StringComparison.Ordinal);
    }

    [Fact]
    public void IsIntact_AsBuilt_True()
    {
        var owner = Buckets.New();

        Assert.True(ConnectionSecret.IsIntact(ConnectionSecret.Build(owner, "team-assets", Details(), AccessKeyId, SecretAccessKey), owner, Details()));
    }

    [Fact]
    public void IsIntact_UnrelatedLabelAdded_StillTrue()
    {
        var owner = Buckets.New();
        var secret = ConnectionSecret.Build(owner, "team-assets", Details(), AccessKeyId, SecretAccessKey);
        secret.Metadata.Labels!["backup"] = "daily";

        Assert.True(ConnectionSecret.IsIntact(secret, owner, Details()));
    }

    [Theory]
    [MemberData(nameof(Edits))]
    public void IsIntact_AfterEdit_False(string edit)
    {
        var owner = Buckets.New();
        var secret = ConnectionSecret.Build(owner, "team-assets", Details(), AccessKeyId, SecretAccessKey);

        Apply(secret, edit);

        Assert.False(ConnectionSecret.IsIntact(secret, owner, Details()));
    }

    [Fact]
    public void IsIntact_DetailsChanged_False()
    {
        var owner = Buckets.New();
        var secret = ConnectionSecret.Build(owner, "team-assets", Details(), AccessKeyId, SecretAccessKey);

        Assert.False(ConnectionSecret.IsIntact(secret, owner, Details("https://objects.nyc.storage.sh")));
    }

    [Fact]
    public void Credentials_BothHalves_Returned() =>
        Assert.Equal((AccessKeyId, SecretAccessKey), ConnectionSecret.Credentials(ConnectionSecret.Build(Buckets.New(), "s", Details(), AccessKeyId, SecretAccessKey)));

    [Theory]
    [InlineData("no secret")]
    [InlineData("no data")]
    [InlineData("remove AWS_ACCESS_KEY_ID")]
    [InlineData("remove AWS_SECRET_ACCESS_KEY")]
    [InlineData("empty AWS_ACCESS_KEY_ID")]
    [InlineData("empty AWS_SECRET_ACCESS_KEY")]
    public void Credentials_MissingHalf_Null(string edit)
    {
        var secret = ConnectionSecret.Build(Buckets.New(), "team-assets", Details(), AccessKeyId, SecretAccessKey);
        Apply(secret, edit);

        Assert.Null(ConnectionSecret.Credentials(edit == "no secret" ? null : secret));
    }

    [Theory]
    [InlineData("https://objects.us-east-1.storage.sh", "us-east-1")]
    [InlineData("https://objects.NYC.storage.sh", "nyc")]
    [InlineData("https://objects.sao2.storage.sh:8443/", "sao2")]
    [InlineData("http://127.0.0.1:4568", "us-east-1")]
    [InlineData("https://s3.example.com", "us-east-1")]
    [InlineData("https://objects.storage.sh", "us-east-1")]
    [InlineData("https://cdn.objects.nyc.storage.sh", "us-east-1")]
    public void SigningRegion_Endpoint_RegionOrFallback(string endpoint, string region) =>
        Assert.Equal(region, S3Endpoints.SigningRegion(new Uri(endpoint)));

    private static ConnectionDetails Details(string endpoint = "https://objects.us-east-1.storage.sh") =>
        new("bkt_6VE1Wd37dXnZJ", "team-assets", new Uri(endpoint), "DAL");

    private static Dictionary<string, string> Values(V1Secret secret) =>
        secret.Data!.ToDictionary(p => p.Key, p => Encoding.UTF8.GetString(p.Value));

    private static void Apply(V1Secret secret, string edit)
    {
        var data = secret.Data!;
        var metadata = secret.Metadata;
        switch (edit.Split(' ', 2))
        {
            case ["no", "data"]:
                secret.Data = null;
                break;
            case ["no", "secret"]:
                break;
            case ["remove", var key]:
                data.Remove(key);
                break;
            case ["add", var key]:
                data[key] = "x"u8.ToArray();
                break;
            case ["empty", var key]:
                data[key] = [];
                break;
            case ["both", "credentials"]:
                // A consistent pair that is not ours: the hash annotation tells it apart.
                data[ConnectionSecret.AccessKeyId] = "AKIAOTHER"u8.ToArray();
                data[ConnectionSecret.SecretAccessKey] = "other-secret"u8.ToArray();
                break;
            case ["managed-by", "label"]:
                metadata.Labels![ObjectBucketNames.ManagedByLabel] = "someone-else";
                break;
            case ["objectbucket", "label"]:
                metadata.Labels![ObjectBucketNames.ObjectBucketLabel] = "other-bucket";
                break;
            case ["labels", "removed"]:
                metadata.Labels = null;
                break;
            case ["hash", "annotation"]:
                metadata.Annotations![ConnectionSecret.CredentialsHashAnnotation] = ConnectionSecret.Hash("AKIAOTHER", "other-secret");
                break;
            case ["annotations", "removed"]:
                metadata.Annotations = null;
                break;
            case ["owner", "removed"]:
                metadata.OwnerReferences = null;
                break;
            case ["another", "owner"]:
                metadata.OwnerReferences = [metadata.OwnerReferences![0] with { Uid = "another-uid" }];
                break;
            case [var key]:
                data[key] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(data[key]) + "-edited");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(edit), edit, null);
        }
    }
}
