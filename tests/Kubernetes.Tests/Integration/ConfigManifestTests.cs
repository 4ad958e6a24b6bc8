using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BucketOperator.ControlPlane;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Serialization;
using BucketOperator.TestSupport;

namespace BucketOperator.Kubernetes.Tests.Integration;

/// <summary>config/crd and config/samples, installed through the client on the real API server.</summary>
public sealed class ConfigManifestTests(ControlPlaneFixture fixture) : NamespacedTest(fixture, KubernetesJson.Create(ManifestJsonContext.Default))
{
    protected override Task OnInitializedAsync() => ManifestInstaller.InstallCrdAsync(Client, ManifestInstaller.ObjectBucketCrdPath);

    [Fact]
    public async Task Samples_AreAccepted_WithSchemaDefaultsApplied()
    {
        var names = new List<string>();
        foreach (var sample in Directory.GetFiles(YamlManifests.RepositoryPath("config", "samples"), "objectbucket*.yaml").SelectMany(YamlManifests.Load))
        {
            sample["metadata"]!["namespace"] = Namespace;
            if (sample["kind"]!.GetValue<string>() == "Secret")
            {
                // A team's token Secret shipped beside the ObjectBucket that references it.
                var secret = await Client.CreateAsync(sample.Deserialize(KubernetesJson.Default.TypeInfo<V1Secret>())!);
                Assert.NotEmpty(secret.Data!);
                continue;
            }

            var bucket = sample.Deserialize(ManifestJsonContext.Default.ObjectBucketDocument)!;
            names.Add(bucket.Metadata.Name!);
            await Client.CreateAsync(bucket);
        }

        Assert.Equal(names.Order(), (await Client.ListAsync<ObjectBucketDocument>(Namespace)).Items.Select(b => b.Metadata.Name!).Order());
        var minimal = await Client.GetAsync<ObjectBucketDocument>("team-assets", Namespace);

        Assert.Equal("standard", minimal!.Spec.GetProperty("storageClass").GetString());
        Assert.Equal("Retain", minimal.Spec.GetProperty("deletionPolicy").GetString());
        Assert.False(minimal.Spec.GetProperty("versioning").GetBoolean());
        Assert.NotNull(await Client.GetAsync<ObjectBucketDocument>("audit-logs", Namespace));
    }

    [Theory]
    [InlineData("""{"region":"DAL","storageClass":"fast"}""", "spec.storageClass")]
    [InlineData("""{"region":"DAL","bucketName":"Not_Valid"}""", "spec.bucketName")]
    [InlineData("""{"storageClass":"standard"}""", "spec.region")]
    [InlineData("""{"region":"DAL","objectLock":{"enabled":true,"retentionDays":0}}""", "spec.objectLock.retentionDays")]
    [InlineData("""{"region":"DAL","deletionPolicy":"Orphan"}""", "spec.deletionPolicy")]
    public async Task InvalidSpec_IsRejectedByTheSchema(string spec, string field)
    {
        var bucket = new ObjectBucketDocument
        {
            Metadata = new V1ObjectMeta { Name = "invalid", NamespaceProperty = Namespace },
            Spec = JsonDocument.Parse(spec).RootElement.Clone(),
        };

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => Client.CreateAsync(bucket));

        Assert.True(error.IsInvalid);
        Assert.Contains(error.Status.Details!.Causes!, c => c.Field == field);
    }

    [Fact]
    public void Crd_NamesMatchTheContract()
    {
        var crd = YamlManifests.Load(ManifestInstaller.ObjectBucketCrdPath).Single();
        var names = crd["spec"]!["names"]!;

        Assert.Equal(("ObjectBucket", "objectbuckets", "objectbucket"), (names["kind"]!.GetValue<string>(), names["plural"]!.GetValue<string>(), names["singular"]!.GetValue<string>()));
        Assert.Equal("lob", names["shortNames"]![0]!.GetValue<string>());
        Assert.Equal("latitude", names["categories"]![0]!.GetValue<string>());
        Assert.Equal("Namespaced", crd["spec"]!["scope"]!.GetValue<string>());
    }
}

/// <summary>An ObjectBucket as an untyped document: the typed entity arrives with the operator.</summary>
[KubernetesEntity(Group = "storage.latitude.sh", ApiVersion = "v1alpha1", Kind = "ObjectBucket", PluralName = "objectbuckets")]
public sealed record ObjectBucketDocument : IKubernetesObject
{
    public string? ApiVersion { get; set; } = "storage.latitude.sh/v1alpha1";

    public string? Kind { get; set; } = "ObjectBucket";

    public V1ObjectMeta Metadata { get; set; } = new();

    public JsonElement Spec { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(KubernetesTimeConverter), typeof(KubernetesDateTimeConverter)])]
[JsonSerializable(typeof(ObjectBucketDocument))]
[JsonSerializable(typeof(KubernetesList<ObjectBucketDocument>))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
