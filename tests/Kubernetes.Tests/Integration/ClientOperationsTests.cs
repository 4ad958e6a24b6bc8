using System.Text;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Models.Coordination;
using BucketOperator.Kubernetes.Models.Core;
using BucketOperator.TestSupport;

namespace BucketOperator.Kubernetes.Tests.Integration;

[Collection(ControlPlaneFixture.Collection)]
public sealed class ClientOperationsTests(ControlPlaneFixture fixture) : IAsyncLifetime
{
    private readonly KubernetesClient _client = fixture.Plane.CreateClient();
    private TestNamespace _ns = null!;

    public async Task InitializeAsync() => _ns = await TestNamespace.CreateAsync(_client);

    public async Task DisposeAsync()
    {
        await _ns.DisposeAsync();
        _client.Dispose();
    }

    [Fact]
    public async Task Server_IsTheDebianBuiltV1_20_2()
    {
        using var http = KubernetesHttpClientFactoryFor(fixture.Plane);
        var version = await http.GetStringAsync(new Uri("/version", UriKind.Relative));

        Assert.Contains("\"gitVersion\": \"v1.20.2\"", version, StringComparison.Ordinal);
        Assert.Contains("v1.20.2", fixture.Plane.Version, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateGet_ConfigMap_RoundTripsDataAndServerFields()
    {
        var created = await _client.CreateAsync(ConfigMap("a", ("k", "v")));

        var read = await _client.GetAsync<ConfigMap>("a", _ns.Name);

        Assert.Equal("v", read!.Data!["k"]);
        Assert.Equal(created.Metadata.Uid, read.Metadata.Uid);
        Assert.NotNull(read.Metadata.CreationTimestamp);
    }

    [Fact]
    public async Task Get_Missing_ReturnsNull() => Assert.Null(await _client.GetAsync<ConfigMap>("absent", _ns.Name));

    [Fact]
    public async Task Create_Existing_ThrowsAlreadyExistsWithStatus()
    {
        await _client.CreateAsync(ConfigMap("dup"));

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => _client.CreateAsync(ConfigMap("dup")));

        Assert.True(error.IsAlreadyExists);
        Assert.Equal("dup", error.Status.Details?.Name);
        Assert.Equal("configmaps", error.Status.Details?.Kind);
    }

    [Fact]
    public async Task List_LabelAndFieldSelectors_FilterOnServer()
    {
        await _client.CreateAsync(ConfigMap("red-1") with { Metadata = Meta("red-1", ("color", "red")) });
        await _client.CreateAsync(ConfigMap("red-2") with { Metadata = Meta("red-2", ("color", "red")) });
        await _client.CreateAsync(ConfigMap("blue") with { Metadata = Meta("blue", ("color", "blue")) });

        var red = await _client.ListAsync<ConfigMap>(_ns.Name, new ListOptions { LabelSelector = "color=red" });
        var named = await _client.ListAsync<ConfigMap>(_ns.Name, new ListOptions { FieldSelector = "metadata.name=blue" });

        Assert.Equal(["red-1", "red-2"], red.Items.Select(i => i.Metadata.Name).Order());
        Assert.Equal("blue", Assert.Single(named.Items).Metadata.Name);
        Assert.False(string.IsNullOrEmpty(red.Metadata.ResourceVersion));
    }

    [Fact]
    public async Task List_WithLimit_PagesThroughContinueTokens()
    {
        for (var i = 0; i < 5; i++)
        {
            await _client.CreateAsync(ConfigMap($"page-{i}"));
        }

        var names = new List<string>();
        string? next = null;
        var pages = 0;
        do
        {
            var page = await _client.ListAsync<ConfigMap>(_ns.Name, new ListOptions { Limit = 2, Continue = next });
            names.AddRange(page.Items.Select(i => i.Metadata.Name!));
            next = page.Metadata.Continue;
            pages++;
        }
        while (!string.IsNullOrEmpty(next));

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"page-{i}"), names.Where(n => n.StartsWith("page-", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public async Task Replace_WithStaleResourceVersion_ThrowsConflict()
    {
        var original = await _client.CreateAsync(ConfigMap("occ", ("n", "0")));
        await _client.ReplaceAsync(original with { Data = new Dictionary<string, string> { ["n"] = "1" } });

        var error = await Assert.ThrowsAsync<KubernetesApiException>(
            () => _client.ReplaceAsync(original with { Data = new Dictionary<string, string> { ["n"] = "2" } }));

        Assert.True(error.IsConflict);
        Assert.Equal("Conflict", error.Status.Reason);
        Assert.Equal("1", (await _client.GetAsync<ConfigMap>("occ", _ns.Name))!.Data!["n"]);
    }

    [Fact]
    public async Task Patch_MergeAndJsonPatch_ApplyAndTestOpGuards()
    {
        await _client.CreateAsync(ConfigMap("p", ("a", "1"), ("b", "2")));

        await _client.PatchAsync<ConfigMap>("p", _ns.Name, Patch.Merge("""{"data":{"a":null,"c":"3"}}"""));
        var guarded = await Assert.ThrowsAsync<KubernetesApiException>(() => _client.PatchAsync<ConfigMap>(
            "p", _ns.Name, Patch.Json("""[{"op":"test","path":"/data/b","value":"wrong"},{"op":"replace","path":"/data/b","value":"x"}]""")));
        var patched = await _client.PatchAsync<ConfigMap>(
            "p", _ns.Name, Patch.Json("""[{"op":"test","path":"/data/b","value":"2"},{"op":"replace","path":"/data/b","value":"x"}]"""));

        Assert.Equal(new Dictionary<string, string> { ["b"] = "x", ["c"] = "3" }, patched.Data);
        Assert.True(guarded.IsInvalid);
    }

    [Fact]
    public async Task Apply_TwoFieldManagers_ConflictUnlessForced()
    {
        var intent = Patch.Apply($$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"ssa","namespace":"{{{_ns.Name}}}"},"data":{"owned":"by-a"}}""");
        var rival = Patch.Apply($$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"ssa","namespace":"{{{_ns.Name}}}"},"data":{"owned":"by-b"}}""");

        await _client.PatchAsync<ConfigMap>("ssa", _ns.Name, intent, new PatchOptions("manager-a"));
        var conflict = await Assert.ThrowsAsync<KubernetesApiException>(
            () => _client.PatchAsync<ConfigMap>("ssa", _ns.Name, rival, new PatchOptions("manager-b")));
        var forced = await _client.PatchAsync<ConfigMap>("ssa", _ns.Name, rival, new PatchOptions("manager-b", Force: true));

        Assert.True(conflict.IsConflict);
        Assert.Contains(conflict.Status.Details!.Causes!, c => c.Field == ".data.owned");
        Assert.Equal("by-b", forced.Data!["owned"]);
    }

    [Fact]
    public async Task Delete_WithFinalizer_LingersUntilFinalizerRemoved()
    {
        await _client.CreateAsync(ConfigMap("fin") with { Metadata = Meta("fin") with { Finalizers = ["test.bucket-operator.dev/hold"] } });

        Assert.True(await _client.DeleteAsync<ConfigMap>("fin", _ns.Name, DeleteOptions.WithPropagation(PropagationPolicy.Foreground)));
        var terminating = await _client.GetAsync<ConfigMap>("fin", _ns.Name);
        await _client.PatchAsync<ConfigMap>("fin", _ns.Name, Patch.Merge("""{"metadata":{"finalizers":null}}"""));

        Assert.NotNull(terminating!.Metadata.DeletionTimestamp);
        Assert.Null(await _client.GetAsync<ConfigMap>("fin", _ns.Name));
        Assert.False(await _client.DeleteAsync<ConfigMap>("fin", _ns.Name));
    }

    [Fact]
    public async Task Delete_WithStaleUidPrecondition_ThrowsConflictAndKeepsObject()
    {
        await _client.CreateAsync(ConfigMap("pre"));

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => _client.DeleteAsync<ConfigMap>(
            "pre", _ns.Name, new DeleteOptions { Preconditions = new Preconditions(Uid: "00000000-0000-0000-0000-000000000000") }));

        Assert.True(error.IsConflict);
        Assert.NotNull(await _client.GetAsync<ConfigMap>("pre", _ns.Name));
    }

    [Fact]
    public async Task Delete_Owner_GarbageCollectsOwnedSecret()
    {
        var owner = await _client.CreateAsync(ConfigMap("owner"));
        var ownerReference = new OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = "owner", Uid = owner.Metadata.Uid!, Controller = true };
        await _client.CreateAsync(new Secret
        {
            Metadata = Meta("owned") with { OwnerReferences = [ownerReference] },
            Data = new Dictionary<string, byte[]> { ["key"] = Encoding.UTF8.GetBytes("value\0with-binary") },
        });
        var stored = await _client.GetAsync<Secret>("owned", _ns.Name);

        await _client.DeleteAsync<ConfigMap>("owner", _ns.Name, DeleteOptions.WithPropagation(PropagationPolicy.Background));

        Assert.Equal("value\0with-binary", Encoding.UTF8.GetString(stored!.Data!["key"]));
        await Eventually.TrueAsync(async () => await _client.GetAsync<Secret>("owned", _ns.Name) is null, "the garbage collector deletes the owned Secret");
    }

    [Fact]
    public async Task Lease_MicroTimeFields_AcceptedAndReturned()
    {
        var renew = new DateTimeOffset(2026, 11, 21, 10, 11, 12, TimeSpan.Zero).AddTicks(1234560);
        var lease = await _client.CreateAsync(new Lease
        {
            Metadata = Meta("leader"),
            Spec = new LeaseSpec { HolderIdentity = "pod-a", LeaseDurationSeconds = 15, AcquireTime = renew, RenewTime = renew, LeaseTransitions = 0 },
        });

        Assert.Equal(renew, lease.Spec!.RenewTime);
    }

    [Fact]
    public async Task Unprivileged_User_GetsForbiddenStatus()
    {
        using var nobody = fixture.Plane.CreateClient(context: "nobody");

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => nobody.ListAsync<ConfigMap>(_ns.Name));

        Assert.Equal(403, error.Status.Code);
        Assert.Equal("Forbidden", error.Status.Reason);
        Assert.Contains("\"nobody\"", error.Status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientCertificateContext_AuthenticatesAndUsesContextNamespace()
    {
        var configuration = fixture.Plane.Configuration("admin-cert");
        using var client = new KubernetesClient(configuration);

        var list = await client.ListAsync<ConfigMap>(configuration.Namespace);

        Assert.Equal("kube-system", configuration.Namespace);
        Assert.NotNull(list.Metadata.ResourceVersion);
    }

    private static HttpClient KubernetesHttpClientFactoryFor(ControlPlane plane) =>
        Config.KubernetesHttpClientFactory.Create(plane.Configuration());

    private ObjectMeta Meta(string name, params (string Key, string Value)[] labels) => new()
    {
        Name = name,
        Namespace = _ns.Name,
        Labels = labels.Length == 0 ? null : labels.ToDictionary(l => l.Key, l => l.Value),
    };

    private ConfigMap ConfigMap(string name, params (string Key, string Value)[] data) => new()
    {
        Metadata = Meta(name),
        Data = data.ToDictionary(d => d.Key, d => d.Value),
    };
}
