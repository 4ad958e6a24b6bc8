using BucketOperator.ControlPlane;
using BucketOperator.Operator.Tests.Support;

namespace BucketOperator.Operator.Tests.Unit;

/// <summary>
/// config/argocd as shipped: the argocd-cm snippet carries health.lua unchanged, and the script's edge cases the
/// operator never writes itself (its own status documents are checked in EndToEnd/ArgoCdHealthTests).
/// </summary>
public sealed class ArgoCdHealthScriptTests
{
    private const string Key = "resource.customizations.health.storage.latitude.sh_ObjectBucket";

    [Fact]
    public void ConfigMapSnippet_EmbedsHealthLuaUnchanged()
    {
        var script = File.ReadAllText(YamlManifests.RepositoryPath("config", "argocd", "health.lua"));

        var configMap = YamlManifests.Load(YamlManifests.RepositoryPath("config", "argocd", "argocd-cm.yaml")).Single();

        Assert.Equal("argocd-cm", configMap["metadata"]!["name"]!.GetValue<string>());
        var embedded = configMap["data"]![Key]!.GetValue<string>();
        Assert.True(embedded == script, "config/argocd/argocd-cm.yaml differs from config/argocd/health.lua; refresh it with the command in its header comment");
    }

    [Theory]
    [InlineData("""{"metadata":{"generation":1}}""", "waiting for the operator to report status")]
    [InlineData("""{"metadata":{"generation":1},"status":{"observedGeneration":1}}""", "waiting for the Ready condition")]
    [InlineData("""{"metadata":{"generation":1},"status":{"observedGeneration":1,"conditions":[]}}""", "waiting for the Ready condition")]
    [InlineData("""{"metadata":{"generation":1},"status":{"observedGeneration":1,"conditions":[{"type":"Synced","status":"True"}]}}""", "waiting for the Ready condition")]
    [InlineData("""{"metadata":{"generation":3},"status":{"observedGeneration":2,"conditions":[{"type":"Ready","status":"False","reason":"InvalidSpec","message":"old"}]}}""", "waiting for the operator to observe generation 3")]
    [InlineData("""{"metadata":{"generation":3},"status":{"observedGeneration":3,"conditions":[{"type":"Ready","status":"True","reason":"Available","message":"old","observedGeneration":2}]}}""", "waiting for the operator to observe generation 3")]
    [InlineData("""{"metadata":{"generation":1},"status":{"observedGeneration":1,"conditions":[{"type":"Ready","status":"Maybe"}]}}""", "Ready is Maybe")]
    public async Task NotYetDecided_Progressing(string objectJson, string message) =>
        Assert.Equal(new ArgoCdHealth("Progressing", message), await ArgoCdHealth.OfAsync(objectJson));

    [Fact]
    public async Task NumbersAsStrings_ComparedAsNumbers()
    {
        // Argo CD hands json.Number values to Lua as strings.
        const string Object = """{"metadata":{"generation":"2"},"status":{"observedGeneration":2,"conditions":[{"type":"Ready","status":"True","reason":"Available","message":"ok","observedGeneration":"2"}]}}""";

        Assert.Equal(new ArgoCdHealth("Healthy", "Available: ok"), await ArgoCdHealth.OfAsync(Object));
    }

    [Fact]
    public async Task ReadyFalseWithoutReason_DegradedWithTheMessageAlone() =>
        Assert.Equal(
            new ArgoCdHealth("Degraded", "the provider said no"),
            await ArgoCdHealth.OfAsync("""{"metadata":{"generation":1},"status":{"observedGeneration":1,"conditions":[{"type":"Ready","status":"False","message":"the provider said no"}]}}"""));
}
