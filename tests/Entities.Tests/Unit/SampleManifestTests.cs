using System.Text.Json.Nodes;
using BucketOperator.ControlPlane;
using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Entities.Tests.Unit;

/// <summary>config/samples as documentation: each file explained, one ObjectBucket each, all shipped by the kustomization.</summary>
public sealed class SampleManifestTests
{
    private static readonly string Folder = YamlManifests.RepositoryPath("config", "samples");

    private static readonly string[] Files = [.. Directory.GetFiles(Folder, "objectbucket*.yaml").Select(f => Path.GetFileName(f))];

    public static TheoryData<string> Samples => new(Files);

    [Fact]
    public void Kustomization_ListsEverySampleFile()
    {
        var kustomization = YamlManifests.Load(Path.Combine(Folder, "kustomization.yaml")).Single();

        var listed = kustomization["resources"]!.AsArray().Select(r => r!.GetValue<string>());

        Assert.Equal(Files.Order(), listed.Order());
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_StartsWithAComment(string file) =>
        Assert.StartsWith("# ", File.ReadAllText(Path.Combine(Folder, file)), StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_OneObjectBucketAndOnlyTheSecretsItReferences(string file)
    {
        var documents = YamlManifests.Load(Path.Combine(Folder, file));

        var bucket = Assert.Single(documents, d => Kind(d) == ResourceType.Of<ObjectBucket>().Kind);
        var reference = bucket["spec"]!["credentialsSecretRef"];
        foreach (var other in documents.Where(d => d != bucket))
        {
            Assert.Equal("Secret", Kind(other));
            Assert.Equal(reference?["name"]?.GetValue<string>(), other["metadata"]!["name"]!.GetValue<string>());
            Assert.NotNull(other["stringData"]?[reference!["key"]!.GetValue<string>()]);
        }
    }

    private static string? Kind(JsonObject document) => document["kind"]?.GetValue<string>();
}
