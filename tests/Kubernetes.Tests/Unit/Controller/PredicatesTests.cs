using BucketOperator.Kubernetes.Controller;
using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Kubernetes.Tests.Unit.Controller;

public sealed class PredicatesTests
{
    public static TheoryData<string, Action<V1ObjectMeta>, bool> Changes => new()
    {
        { "status only (new resourceVersion, same generation)", _ => { }, false },
        { "spec (generation)", m => m.Generation = 2, true },
        { "label", m => m.Labels = new Dictionary<string, string> { ["a"] = "b" }, true },
        { "annotation", m => m.Annotations = new Dictionary<string, string> { ["storage.latitude.sh/adopt"] = "true" }, true },
        { "finalizer", m => m.Finalizers = ["x/y"], true },
        { "deletion", m => m.DeletionTimestamp = DateTime.UnixEpoch, true },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void IgnoreStatusOnlyChanges_PassesOnlyWhatAControllerMustSee(string change, Action<V1ObjectMeta> apply, bool passes)
    {
        var old = Object("1");
        var updated = Object("2");
        apply(updated.Metadata);

        Assert.True(passes == Predicates.IgnoreStatusOnlyChanges(old, updated), change);
    }

    [Fact]
    public void IgnoreStatusOnlyChanges_Resync_Passes() =>
        Assert.True(Predicates.IgnoreStatusOnlyChanges(Object("7"), Object("7")));

    private static V1ConfigMap Object(string resourceVersion) =>
        new() { Metadata = new V1ObjectMeta { Name = "a", NamespaceProperty = "n", ResourceVersion = resourceVersion, Generation = 1 } };
}
