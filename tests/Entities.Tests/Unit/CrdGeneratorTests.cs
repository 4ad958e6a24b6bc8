using System.Text.Json.Nodes;
using BucketOperator.ControlPlane;
using BucketOperator.Entities.Crd;

namespace BucketOperator.Entities.Tests.Unit;

public sealed class CrdGeneratorTests
{
    private static readonly JsonObject Crd = CrdGenerator.Generate<ObjectBucket>();

    private static JsonNode Version => Crd["spec"]!["versions"]![0]!;

    private static JsonNode Schema => Version["schema"]!["openAPIV3Schema"]!;

    [Fact]
    public void GenerateYaml_CommittedCrd_IsUpToDate()
    {
        var committed = File.ReadAllText(ManifestInstaller.ObjectBucketCrdPath);

        var generated = CrdGenerator.GenerateYaml<ObjectBucket>();

        Assert.True(
            committed == generated,
            $"config/crd/storage.latitude.sh_objectbuckets.yaml differs from what src/Entities generates " +
            $"(first difference at line {FirstDifferentLine(committed, generated)}). Run `{CrdGenerator.RegenerateCommand}` and commit the result.");
    }

    [Fact]
    public void GenerateYaml_ReadBackAsYaml_EqualsTheGeneratedTree()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, CrdGenerator.GenerateYaml<ObjectBucket>());

            var parsed = YamlManifests.Load(path).Single();

            Assert.True(JsonNode.DeepEquals(Crd, parsed), $"YAML reads back differently:\n{parsed.ToJsonString()}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Generate_PrinterColumns_AreThoseOfTheContract()
    {
        var columns = Version["additionalPrinterColumns"]!.AsArray()
            .Select(c => $"{c!["name"]} {c["type"]} {c["jsonPath"]}")
            .ToList();

        Assert.Equal(
            [
                "Bucket string .status.bucketName",
                "Region string .spec.region",
                "Class string .spec.storageClass",
                """Ready string .status.conditions[?(@.type=="Ready")].status""",
                """Reason string .status.conditions[?(@.type=="Ready")].reason""",
                "Age date .metadata.creationTimestamp",
            ],
            columns);
    }

    [Fact]
    public void Generate_Names_AreThoseOfTheContract()
    {
        var names = Crd["spec"]!["names"]!;

        Assert.Equal("objectbuckets.storage.latitude.sh", Crd["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal(
            """{"kind":"ObjectBucket","listKind":"ObjectBucketList","plural":"objectbuckets","singular":"objectbucket","shortNames":["lob"],"categories":["latitude"]}""",
            names.ToJsonString());
        Assert.Equal("Namespaced", Crd["spec"]!["scope"]!.GetValue<string>());
        Assert.Equal("""{"status":{}}""", Version["subresources"]!.ToJsonString());
    }

    [Fact]
    public void Generate_Conditions_AreAMapByTypeWithTheMetav1RequiredFields()
    {
        var conditions = Schema["properties"]!["status"]!["properties"]!["conditions"]!;

        Assert.Equal("map", conditions["x-kubernetes-list-type"]!.GetValue<string>());
        Assert.Equal("""["type"]""", conditions["x-kubernetes-list-map-keys"]!.ToJsonString());
        Assert.Equal("""["type","status","reason","message","lastTransitionTime"]""", conditions["items"]!["required"]!.ToJsonString());
    }

    [Fact]
    public void Generate_Schema_NeverWritesNullable()
    {
        var keys = Descendants(Crd).OfType<JsonObject>().SelectMany(o => o.Select(p => p.Key));

        Assert.DoesNotContain("nullable", keys);
    }

    [Fact]
    public void Generate_EveryFieldOfSpecAndStatus_HasADescription()
    {
        var fields = Descendants(Schema["properties"]!)
            .OfType<JsonObject>()
            .Where(o => o.Parent is JsonObject { Parent: JsonObject parent } && parent["properties"] == o.Parent)
            .Where(o => o.GetPropertyName() != "metadata");

        Assert.All(fields, f => Assert.False(string.IsNullOrEmpty(f["description"]?.GetValue<string>()), f.GetPath()));
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node) =>
        node switch
        {
            JsonObject map => map.Where(p => p.Value is not null).SelectMany(p => Descendants(p.Value!)).Prepend(node),
            JsonArray list => list.Where(i => i is not null).SelectMany(i => Descendants(i!)).Prepend(node),
            _ => [node],
        };

    private static int FirstDifferentLine(string a, string b)
    {
        var (left, right) = (a.Split('\n'), b.Split('\n'));
        var line = 0;
        while (line < left.Length && line < right.Length && left[line] == right[line])
        {
            line++;
        }

        return line + 1;
    }
}
