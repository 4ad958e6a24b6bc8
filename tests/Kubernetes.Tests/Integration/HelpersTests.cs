using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Helpers;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Serialization;
using BucketOperator.TestSupport;

namespace BucketOperator.Kubernetes.Tests.Integration;

/// <summary>Finalizer patches and condition status writes on the real API server.</summary>
public sealed class HelpersTests(ControlPlaneFixture fixture) : NamespacedTest(fixture, KubernetesJson.Create(WidgetJsonContext.Default))
{
    private const string Ours = "storage.latitude.sh/finalizer";
    private const string Theirs = "other.example/f";

    protected override Task OnInitializedAsync() => CustomResourceTests.EnsureWidgetCrdAsync(Client);

    [Fact]
    public async Task AddAsync_ThenRemoveAsync_LeavesTheObjectWithoutIt()
    {
        var created = await CreateConfigMapAsync("cm");

        var added = await Finalizers.AddAsync(Client, created, Ours);
        var afterAdd = await ServerFinalizersAsync("cm");
        var removed = await Finalizers.RemoveAsync(Client, added, Ours);

        Assert.Equal([Ours], added.Metadata.Finalizers!);
        Assert.Equal([Ours], afterAdd);
        Assert.False(Finalizers.Contains(removed, Ours));
        Assert.Empty(await ServerFinalizersAsync("cm"));
    }

    [Fact]
    public async Task AddAsync_AlreadyPresent_WritesNothing()
    {
        var withOurs = await Finalizers.AddAsync(Client, await CreateConfigMapAsync("cm"), Ours);

        var again = await Finalizers.AddAsync(Client, withOurs, Ours);

        Assert.Same(withOurs, again);
        Assert.Equal(withOurs.Metadata.ResourceVersion, (await Client.GetAsync<V1ConfigMap>("cm", Namespace))!.Metadata.ResourceVersion);
        await Finalizers.RemoveAsync(Client, again, Ours);
    }

    [Fact]
    public async Task RemoveAsync_Absent_WritesNothing()
    {
        var created = await CreateConfigMapAsync("cm");

        var result = await Finalizers.RemoveAsync(Client, created, Ours);

        Assert.Same(created, result);
        Assert.Equal(created.Metadata.ResourceVersion, (await Client.GetAsync<V1ConfigMap>("cm", Namespace))!.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task RemoveAsync_StaleObjectAfterAnotherControllerAddedTheirs_ConflictsAndKeepsTheirs_RetrySucceeds()
    {
        var stale = await Finalizers.AddAsync(Client, await CreateConfigMapAsync("cm"), Ours);
        await AddTheirsConcurrentlyAsync("cm");

        var conflict = await Assert.ThrowsAsync<KubernetesApiException>(() => Finalizers.RemoveAsync(Client, stale, Ours));
        var afterConflict = await ServerFinalizersAsync("cm");
        var retried = await Finalizers.RemoveAsync(Client, (await Client.GetAsync<V1ConfigMap>("cm", Namespace))!, Ours);

        Assert.True(conflict.IsInvalid || conflict.IsConflict, conflict.Message);
        Assert.Equal([Ours, Theirs], afterConflict);
        Assert.Equal([Theirs], retried.Metadata.Finalizers!);
        Assert.Equal([Theirs], await ServerFinalizersAsync("cm"));
        await Finalizers.RemoveAsync(Client, retried, Theirs);
    }

    [Fact]
    public async Task AddAsync_StaleObjectWithoutList_WhenAnotherControllerCreatedIt_ConflictsAndKeepsTheirs()
    {
        var stale = await CreateConfigMapAsync("cm");
        await AddTheirsConcurrentlyAsync("cm");

        var conflict = await Assert.ThrowsAsync<KubernetesApiException>(() => Finalizers.AddAsync(Client, stale, Ours));

        Assert.True(conflict.IsInvalid || conflict.IsConflict, conflict.Message);
        Assert.Equal([Theirs], await ServerFinalizersAsync("cm"));
        await Finalizers.RemoveAsync(Client, (await Client.GetAsync<V1ConfigMap>("cm", Namespace))!, Theirs);
    }

    [Fact]
    public async Task AddAsync_StaleObjectAfterAnUnrelatedWrite_SucceedsAndKeepsTheirs()
    {
        await CreateConfigMapAsync("cm");
        await AddTheirsConcurrentlyAsync("cm");
        var stale = (await Client.GetAsync<V1ConfigMap>("cm", Namespace))!;
        await Client.PatchAsync<V1ConfigMap>("cm", Namespace, Patch.Merge("""{"metadata":{"labels":{"touched":"yes"}}}"""));

        var added = await Finalizers.AddAsync(Client, stale, Ours);

        Assert.Equal("yes", added.Metadata.Labels!["touched"]);
        Assert.Equal([Theirs, Ours], await ServerFinalizersAsync("cm"));
        await Client.PatchAsync<V1ConfigMap>("cm", Namespace, Patch.Merge("""{"metadata":{"finalizers":null}}"""));
    }

    [Fact]
    public async Task StatusWrite_ConditionsWithEveryRequiredField_IsAcceptedAndReadBack()
    {
        var widget = await Client.CreateAsync(new Widget { Metadata = new V1ObjectMeta { Name = "w", NamespaceProperty = Namespace }, Spec = new WidgetSpec(1) });
        var conditions = new List<Condition>();
        var ready = new Condition
        {
            Type = "Ready",
            Status = "Unknown",
            Reason = "Provisioning",
            Message = "creating the bucket",
            ObservedGeneration = widget.Metadata.Generation,
            LastTransitionTime = new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero),
        };
        Conditions.Set(conditions, ready);

        await Client.ReplaceStatusAsync(widget with { Status = new WidgetStatus("Pending", conditions) });
        var stored = (await Client.GetAsync<Widget>("w", Namespace))!.Status!.Conditions!;

        Assert.Equal(ready, Assert.Single(stored));
        Assert.False(Conditions.Set(stored, ready with { LastTransitionTime = ready.LastTransitionTime.AddMinutes(1) }));
    }

    [Fact]
    public async Task StatusWrite_ConditionWithoutReasonAndMessage_IsRejectedByTheSchema()
    {
        await Client.CreateAsync(new Widget { Metadata = new V1ObjectMeta { Name = "w", NamespaceProperty = Namespace }, Spec = new WidgetSpec(1) });
        var incomplete = Patch.Merge("""{"status":{"phase":"x","conditions":[{"type":"Ready","status":"True","lastTransitionTime":"2026-11-21T10:00:00Z"}]}}""");

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => Client.PatchStatusAsync<Widget>("w", Namespace, incomplete));

        // 1.20 names the field "status.conditions.reason", newer servers "status.conditions[0].reason".
        Assert.True(error.IsInvalid);
        Assert.Equal(
            ["message", "reason"],
            error.Status.Details!.Causes!.Where(c => c.Reason == "FieldValueRequired").Select(c => c.Field!.Split('.')[^1]).Order(StringComparer.Ordinal));
    }

    private Task<V1ConfigMap> CreateConfigMapAsync(string name) =>
        Client.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace } });

    /// <summary>Another controller, with its own client, appends its finalizer (creating the list if there is none).</summary>
    private async Task AddTheirsConcurrentlyAsync(string name)
    {
        using var other = Plane.CreateClient();
        var current = (await other.GetAsync<V1ConfigMap>(name, Namespace))!;
        var op = current.Metadata.Finalizers is { Count: > 0 }
            ? $$"""[{"op":"add","path":"/metadata/finalizers/-","value":"{{Theirs}}"}]"""
            : $$"""[{"op":"add","path":"/metadata/finalizers","value":["{{Theirs}}"]}]""";
        await other.PatchAsync<V1ConfigMap>(name, Namespace, Patch.Json(op));
    }

    private async Task<IList<string>> ServerFinalizersAsync(string name) =>
        (await Client.GetAsync<V1ConfigMap>(name, Namespace))!.Metadata.Finalizers ?? [];
}
