using System.Text.Json;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Serialization;
using BucketOperator.TestSupport;

namespace BucketOperator.Kubernetes.Tests.Integration;

public sealed class CustomResourceTests(ControlPlaneFixture fixture) : NamespacedTest(fixture, KubernetesJson.Create(WidgetJsonContext.Default))
{
    protected override Task OnInitializedAsync() => EnsureWidgetCrdAsync(Client);

    /// <summary>Creates the Widget CRD through the client (once per control plane) and waits until it is served.</summary>
    internal static async Task EnsureWidgetCrdAsync(IKubernetesClient client)
    {
        if (await client.GetAsync<V1CustomResourceDefinition>(Widget.CrdName) is null)
        {
            try
            {
                await client.CreateAsync(new V1CustomResourceDefinition { Metadata = new V1ObjectMeta { Name = Widget.CrdName }, Spec = Widget.CrdSpec.Deserialize(KubernetesJsonContext.Default.V1CustomResourceDefinitionSpec) });
            }
            catch (KubernetesApiException e) when (e.IsAlreadyExists)
            {
                // Another test class got there first.
            }
        }

        await Eventually.TrueAsync(
            async () => (await client.GetAsync<V1CustomResourceDefinition>(Widget.CrdName))?.Status?.Conditions?
                .Any(c => c is { Type: "Established", Status: "True" }) == true,
            "the Widget CRD is established");
    }

    [Fact]
    public async Task CreatedCrd_IsServed_AndValidatesItsSchema()
    {
        var created = await Client.CreateAsync(NewWidget("w1", size: 3));
        var invalid = await Assert.ThrowsAsync<KubernetesApiException>(() => Client.CreateAsync(NewWidget("w2", size: 0)));

        Assert.Equal(1, created.Metadata.Generation);
        Assert.Equal(3, (await Client.GetAsync<Widget>("w1", Namespace))!.Spec!.Size);
        Assert.True(invalid.IsInvalid);
        Assert.Contains(invalid.Status.Details!.Causes!, c => c.Field == "spec.size");
    }

    [Fact]
    public async Task StatusSubresource_SeparatesStatusFromSpecWrites()
    {
        var created = await Client.CreateAsync(NewWidget("s", size: 1) with { Status = new WidgetStatus("ignored-on-create") });

        var statusWrite = await Client.ReplaceStatusAsync(created with { Spec = new WidgetSpec(99), Status = new WidgetStatus("Ready") });
        var specWrite = await Client.ReplaceAsync(statusWrite with { Spec = new WidgetSpec(2), Status = new WidgetStatus("ignored-on-update") });
        var patched = await Client.PatchStatusAsync<Widget>("s", Namespace, Patch.Merge("""{"status":{"phase":"Done"}}"""));

        Assert.Null(created.Status);
        Assert.Equal((1, "Ready", 1L), (statusWrite.Spec!.Size, statusWrite.Status!.Phase, statusWrite.Metadata.Generation!.Value));
        Assert.Equal((2, "Ready", 2L), (specWrite.Spec!.Size, specWrite.Status!.Phase, specWrite.Metadata.Generation!.Value));
        Assert.Equal("Done", patched.Status!.Phase);
    }

    private Widget NewWidget(string name, int size) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
        Spec = new WidgetSpec(size),
    };
}
