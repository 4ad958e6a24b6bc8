using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Serialization;
using BucketOperator.TestSupport;

namespace BucketOperator.Kubernetes.Tests.Integration;

/// <summary>config/crd and config/samples, installed through the client on the real API server.</summary>
[Collection(ControlPlaneFixture.Collection)]
public sealed class ConfigManifestTests(ControlPlaneFixture fixture) : IAsyncLifetime
{
    private readonly KubernetesClient _client = fixture.Plane.CreateClient(KubernetesJson.Create(ManifestJsonContext.Default));
    private TestNamespace _ns = null!;

    public async Task InitializeAsync()
    {
        _ns = await TestNamespace.CreateAsync(_client);
        await ManifestInstaller.InstallCrdAsync(_client, ManifestInstaller.ObjectBucketCrdPath);
    }

    public async Task DisposeAsync()
    {
        await _ns.DisposeAsync();
        _client.Dispose();
    }

    [Fact]
    public async Task Samples_AreAccepted_WithSchemaDefaultsApplied()
    {
        foreach (var file in Directory.GetFiles(YamlManifests.RepositoryPath("config", "samples"), "objectbucket*.yaml"))
        {
            var sample = YamlManifests.Load(file).Single();
            sample["metadata"]!["namespace"] = _ns.Name;
            await _client.CreateAsync(sample.Deserialize(ManifestJsonContext.Default.ObjectBucketDocument)!);
        }

        var minimal = await _client.GetAsync<ObjectBucketDocument>("team-assets", _ns.Name);

        Assert.Equal("standard", minimal!.Spec.GetProperty("storageClass").GetString());
        Assert.Equal("Retain", minimal.Spec.GetProperty("deletionPolicy").GetString());
        Assert.False(minimal.Spec.GetProperty("versioning").GetBoolean());
        Assert.NotNull(await _client.GetAsync<ObjectBucketDocument>("audit-logs", _ns.Name));
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
            Metadata = new ObjectMeta { Name = "invalid", Namespace = _ns.Name },
            Spec = JsonDocument.Parse(spec).RootElement.Clone(),
        };

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => _client.CreateAsync(bucket));

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
public sealed record ObjectBucketDocument : IKubernetesObject<ObjectBucketDocument>
{
    public static ResourceType Resource { get; } = new("storage.latitude.sh", "v1alpha1", "objectbuckets", "ObjectBucket", Namespaced: true);

    public string? ApiVersion { get; set; } = "storage.latitude.sh/v1alpha1";

    public string? Kind { get; set; } = "ObjectBucket";

    public ObjectMeta Metadata { get; set; } = new();

    public JsonElement Spec { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(KubernetesTimeConverter)])]
[JsonSerializable(typeof(ObjectBucketDocument))]
[JsonSerializable(typeof(KubernetesList<ObjectBucketDocument>))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
