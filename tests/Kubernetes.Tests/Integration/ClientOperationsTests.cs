using System.Text;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;
using BucketOperator.TestSupport;

namespace BucketOperator.Kubernetes.Tests.Integration;

public sealed class ClientOperationsTests(ControlPlaneFixture fixture) : NamespacedTest(fixture)
{
    [Fact]
    public async Task CreateGet_ConfigMap_RoundTripsDataAndServerFields()
    {
        var created = await Client.CreateAsync(ConfigMap("a", ("k", "v")));

        var read = await Client.GetAsync<V1ConfigMap>("a", Namespace);

        Assert.Equal("v", read!.Data!["k"]);
        Assert.Equal(created.Metadata.Uid, read.Metadata.Uid);
        Assert.NotNull(read.Metadata.CreationTimestamp);
    }

    [Fact]
    public async Task Create_Existing_ThrowsAlreadyExistsWithStatus()
    {
        await Client.CreateAsync(ConfigMap("dup"));

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => Client.CreateAsync(ConfigMap("dup")));

        Assert.True(error.IsAlreadyExists);
        Assert.Equal("dup", error.Status.Details?.Name);
        Assert.Equal("configmaps", error.Status.Details?.Kind);
    }

    [Fact]
    public async Task List_LabelAndFieldSelectors_FilterOnServer()
    {
        await Client.CreateAsync(ConfigMap("red-1") with { Metadata = Meta("red-1", ("color", "red")) });
        await Client.CreateAsync(ConfigMap("red-2") with { Metadata = Meta("red-2", ("color", "red")) });
        await Client.CreateAsync(ConfigMap("blue") with { Metadata = Meta("blue", ("color", "blue")) });

        var red = await Client.ListAsync<V1ConfigMap>(Namespace, new ListOptions { LabelSelector = "color=red" });
        var named = await Client.ListAsync<V1ConfigMap>(Namespace, new ListOptions { FieldSelector = "metadata.name=blue" });

        Assert.Equal(["red-1", "red-2"], red.Items.Select(i => i.Metadata.Name).Order());
        Assert.Equal("blue", Assert.Single(named.Items).Metadata.Name);
        Assert.False(string.IsNullOrEmpty(red.Metadata.ResourceVersion));
    }

    [Fact]
    public async Task List_WithLimit_PagesThroughContinueTokens()
    {
        for (var i = 0; i < 5; i++)
        {
            await Client.CreateAsync(ConfigMap($"page-{i}"));
        }

        var names = new List<string>();
        string? next = null;
        var pages = 0;
        do
        {
            var page = await Client.ListAsync<V1ConfigMap>(Namespace, new ListOptions { Limit = 2, Continue = next });
            names.AddRange(page.Items.Select(i => i.Metadata.Name!));
            next = page.Metadata.ContinueProperty;
            pages++;
        }
        while (!string.IsNullOrEmpty(next));

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"page-{i}"), names.Where(n => n.StartsWith("page-", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public async Task Replace_WithStaleResourceVersion_ThrowsConflict()
    {
        var original = await Client.CreateAsync(ConfigMap("occ", ("n", "0")));
        await Client.ReplaceAsync(original with { Data = new Dictionary<string, string> { ["n"] = "1" } });

        var error = await Assert.ThrowsAsync<KubernetesApiException>(
            () => Client.ReplaceAsync(original with { Data = new Dictionary<string, string> { ["n"] = "2" } }));

        Assert.True(error.IsConflict);
        Assert.Equal("Conflict", error.Status.Reason);
        Assert.Equal("1", (await Client.GetAsync<V1ConfigMap>("occ", Namespace))!.Data!["n"]);
    }

    [Fact]
    public async Task Patch_MergeAndJsonPatch_ApplyAndTestOpGuards()
    {
        await Client.CreateAsync(ConfigMap("p", ("a", "1"), ("b", "2")));

        await Client.PatchAsync<V1ConfigMap>("p", Namespace, Patch.Merge("""{"data":{"a":null,"c":"3"}}"""));
        var guarded = await Assert.ThrowsAsync<KubernetesApiException>(() => Client.PatchAsync<V1ConfigMap>(
            "p", Namespace, Patch.Json("""[{"op":"test","path":"/data/b","value":"wrong"},{"op":"replace","path":"/data/b","value":"x"}]""")));
        var patched = await Client.PatchAsync<V1ConfigMap>(
            "p", Namespace, Patch.Json("""[{"op":"test","path":"/data/b","value":"2"},{"op":"replace","path":"/data/b","value":"x"}]"""));

        Assert.Equal(new Dictionary<string, string> { ["b"] = "x", ["c"] = "3" }, patched.Data);
        Assert.True(guarded.IsInvalid);
    }

    [Fact]
    public async Task Apply_TwoFieldManagers_ConflictUnlessForced()
    {
        var intent = Patch.Apply($$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"ssa","namespace":"{{{Namespace}}}"},"data":{"owned":"by-a"}}""");
        var rival = Patch.Apply($$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"ssa","namespace":"{{{Namespace}}}"},"data":{"owned":"by-b"}}""");

        await Client.PatchAsync<V1ConfigMap>("ssa", Namespace, intent, new PatchOptions("manager-a"));
        var conflict = await Assert.ThrowsAsync<KubernetesApiException>(
            () => Client.PatchAsync<V1ConfigMap>("ssa", Namespace, rival, new PatchOptions("manager-b")));
        var forced = await Client.PatchAsync<V1ConfigMap>("ssa", Namespace, rival, new PatchOptions("manager-b", Force: true));

        Assert.True(conflict.IsConflict);
        Assert.Contains(conflict.Status.Details!.Causes!, c => c.Field == ".data.owned");
        Assert.Equal("by-b", forced.Data!["owned"]);
    }

    [Fact]
    public async Task Delete_WithFinalizer_LingersUntilFinalizerRemoved()
    {
        await Client.CreateAsync(ConfigMap("fin") with { Metadata = Meta("fin") with { Finalizers = ["test.bucket-operator.dev/hold"] } });

        Assert.True(await Client.DeleteAsync<V1ConfigMap>("fin", Namespace, DeleteOptions.WithPropagation(PropagationPolicy.Foreground)));
        var terminating = await Client.GetAsync<V1ConfigMap>("fin", Namespace);
        await Client.PatchAsync<V1ConfigMap>("fin", Namespace, Patch.Merge("""{"metadata":{"finalizers":null}}"""));

        Assert.NotNull(terminating!.Metadata.DeletionTimestamp);
        Assert.Null(await Client.GetAsync<V1ConfigMap>("fin", Namespace));
        Assert.False(await Client.DeleteAsync<V1ConfigMap>("fin", Namespace));
    }

    [Fact]
    public async Task Delete_WithStaleUidPrecondition_ThrowsConflictAndKeepsObject()
    {
        await Client.CreateAsync(ConfigMap("pre"));

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => Client.DeleteAsync<V1ConfigMap>(
            "pre", Namespace, new DeleteOptions { Preconditions = new Preconditions(Uid: "00000000-0000-0000-0000-000000000000") }));

        Assert.True(error.IsConflict);
        Assert.NotNull(await Client.GetAsync<V1ConfigMap>("pre", Namespace));
    }

    [Fact]
    public async Task Delete_Owner_GarbageCollectsOwnedSecret()
    {
        var owner = await Client.CreateAsync(ConfigMap("owner"));
        var ownerReference = new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = "owner", Uid = owner.Metadata.Uid!, Controller = true };
        await Client.CreateAsync(new V1Secret
        {
            Metadata = Meta("owned") with { OwnerReferences = [ownerReference] },
            Data = new Dictionary<string, byte[]> { ["key"] = Encoding.UTF8.GetBytes("value\0with-binary") },
        });
        var stored = await Client.GetAsync<V1Secret>("owned", Namespace);

        await Client.DeleteAsync<V1ConfigMap>("owner", Namespace, DeleteOptions.WithPropagation(PropagationPolicy.Background));

        Assert.Equal("value\0with-binary", Encoding.UTF8.GetString(stored!.Data!["key"]));
        await Eventually.TrueAsync(async () => await Client.GetAsync<V1Secret>("owned", Namespace) is null, "the garbage collector deletes the owned Secret");
    }

    [Fact]
    public async Task Lease_MicroTimeFields_AcceptedAndReturned()
    {
        var renew = new DateTime(2026, 11, 21, 10, 11, 12, DateTimeKind.Utc).AddTicks(1234560);
        var lease = await Client.CreateAsync(new V1Lease
        {
            Metadata = Meta("leader"),
            Spec = new V1LeaseSpec { HolderIdentity = "pod-a", LeaseDurationSeconds = 15, AcquireTime = renew, RenewTime = renew, LeaseTransitions = 0 },
        });

        Assert.Equal(renew, lease.Spec!.RenewTime);
    }

    [Fact]
    public async Task ClientCertificateContext_AuthenticatesAndUsesContextNamespace()
    {
        var configuration = Plane.Configuration("admin-cert");
        using var client = new KubernetesClient(configuration);

        var list = await client.ListAsync<V1ConfigMap>(configuration.Namespace);

        Assert.Equal("kube-system", configuration.Namespace);
        Assert.NotNull(list.Metadata.ResourceVersion);
    }

    private V1ObjectMeta Meta(string name, params (string Key, string Value)[] labels) => new()
    {
        Name = name,
        NamespaceProperty = Namespace,
        Labels = labels.Length == 0 ? null : labels.ToDictionary(l => l.Key, l => l.Value),
    };

    private V1ConfigMap ConfigMap(string name, params (string Key, string Value)[] data) => new()
    {
        Metadata = Meta(name),
        Data = data.ToDictionary(d => d.Key, d => d.Value),
    };
}
