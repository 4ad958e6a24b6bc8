using BucketOperator.Kubernetes.Cache;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Serialization;

namespace BucketOperator.Kubernetes.Tests.Unit.Cache;

public sealed class StoreTests
{
    private readonly ReadOnlyGuard<V1ConfigMap> _guard = new(KubernetesJson.Default);
    private readonly Store<V1ConfigMap> _store;

    public StoreTests() => _store = new(_guard);

    [Fact]
    public void Reads_HandOutTheStoredInstance_AndUnchangedReadsAreNoViolation()
    {
        var stored = ConfigMap("a", ("team", "blue"));
        _store.Put(stored);

        Assert.Same(stored, _store.Get(new ObjectKey("ns", "a")));
        Assert.Same(stored, _store.List().Single());
        _store.Put(ConfigMap("a", ("team", "red")));

        Assert.Empty(_guard.Violations);
    }

    [Fact]
    public void ReturnedObjectChanged_GuardRecordsItAtTheNextRead()
    {
        _store.Put(ConfigMap("a", ("team", "blue")));

        _store.Get(new ObjectKey("ns", "a"))!.Metadata.Labels!["team"] = "red";
        _store.List();

        var violation = Assert.Single(_guard.Violations);
        Assert.Contains("ConfigMap ns/a was changed after it was cached", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void ByIndex_LabelChanges_ObjectMovesToTheNewValue()
    {
        _store.AddIndex("team", Indexers.ByLabel("team"));
        _store.Put(ConfigMap("a", ("team", "blue")));
        _store.Put(ConfigMap("b", ("team", "blue")));

        _store.Put(ConfigMap("a", ("team", "red")));

        Assert.Equal(["b"], _store.ByIndex("team", "blue").Select(c => c.Metadata.Name));
        Assert.Equal(["a"], _store.ByIndex("team", "red").Select(c => c.Metadata.Name));
    }

    [Fact]
    public void AddIndex_AfterItemsExist_IndexesThem()
    {
        _store.Put(ConfigMap("a", ("team", "blue")));

        _store.AddIndex("team", Indexers.ByLabel("team"));

        Assert.Single(_store.ByIndex("team", "blue"));
    }

    [Fact]
    public void Remove_DropsFromIndexes()
    {
        _store.AddIndex(Indexers.ControllerUid, Indexers.ByControllerUid);
        var owned = ConfigMap("a");
        owned.Metadata.OwnerReferences = [new V1OwnerReference { ApiVersion = "v1", Kind = "X", Name = "o", Uid = "u1", Controller = true }];
        _store.Put(owned);

        _store.Remove(new ObjectKey("ns", "a"));

        Assert.Empty(_store.ByIndex(Indexers.ControllerUid, "u1"));
        Assert.Equal(0, _store.Count);
    }

    [Fact]
    public void ByIndex_UnknownIndex_Throws() =>
        Assert.Throws<ArgumentException>(() => _store.ByIndex("nope", "x"));

    private static V1ConfigMap ConfigMap(string name, params (string Key, string Value)[] labels) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = "ns",
            Uid = "uid-" + name,
            Labels = labels.ToDictionary(l => l.Key, l => l.Value),
        },
        Data = new Dictionary<string, string> { ["v"] = "1" },
    };
}
