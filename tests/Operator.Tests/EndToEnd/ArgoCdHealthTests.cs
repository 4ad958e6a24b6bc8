using System.Text.Json;
using BucketOperator.Entities;
using BucketOperator.Kubernetes.Config;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Latitude.Models;
using BucketOperator.Latitude.Simulator.State;
using BucketOperator.Operator.Tests.Support;
using BucketOperator.TestSupport;

namespace BucketOperator.Operator.Tests.EndToEnd;

/// <summary>
/// config/argocd/health.lua on status documents the operator really wrote, read back from the API server as raw
/// JSON (what Argo CD's cache holds): each verdict, and the message Argo CD would show.
/// </summary>
public sealed class ArgoCdHealthTests(ControlPlaneFixture fixture) : OperatorTest(fixture)
{
    [Fact]
    public async Task AvailableBucket_Healthy_SpecChangeWhileOperatorStopped_ProgressingUntilObserved()
    {
        await Admin.CreateAsync(Bucket("steady"));
        await WaitForReadyAsync("steady", ReadyReasons.Available);
        var (ready, health) = await CheckAsync("steady");
        Assert.Equal("True", ready.Status);
        Assert.Equal(new ArgoCdHealth("Healthy", $"Available: {ready.Message}"), health);

        await StopOperatorAsync();
        var changed = await PatchSpecAsync("steady", $$"""{"deletionPolicy":"{{DeletionPolicies.Delete}}"}""");
        (ready, health) = await CheckAsync("steady");
        Assert.Equal("True", ready.Status);
        Assert.Equal(new ArgoCdHealth("Progressing", $"waiting for the operator to observe generation {changed.Metadata.Generation}"), health);

        await StartOperatorAsync();
        await WaitForReadyAsync("steady", ReadyReasons.Available);
        (_, health) = await CheckAsync("steady");
        Assert.Equal("Healthy", health.Status);
    }

    [Fact]
    public async Task CreateAwaitingTheProvider_ProgressingWithTheConditionsMessage()
    {
        // The bucket is created at once but the answer is held back: the operator waits with Ready=Unknown.
        Simulator.Faults.DelayResponseAfterCommit("POST", "/storage/buckets", TimeSpan.FromSeconds(4));
        await Admin.CreateAsync(Bucket("held"));
        await WaitForReadyAsync("held", ReadyReasons.Provisioning);

        var (ready, health) = await CheckAsync("held");

        Assert.Equal("Unknown", ready.Status);
        Assert.Equal(new ArgoCdHealth("Progressing", $"{ReadyReasons.Provisioning}: {ready.Message}"), health);
        Assert.Contains("creating bucket held", health.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedByProviderOrOperator_DegradedWithTheConditionsMessage()
    {
        await LatitudeAsUser(SimulatorSeed.OtherTeamToken).CreateBucketAsync(new CreateBucketRequest { Project = "proj_other", Name = "popular", Region = "DAL" });
        await Admin.CreateAsync(Bucket("popular"));
        await Admin.CreateAsync(Bucket("scoped", spec: s => s with { Scoped = true }));

        await AssertDegradedAsync("popular", ReadyReasons.BucketNameConflict, "already in use");
        await AssertDegradedAsync("scoped", ReadyReasons.InvalidSpec, "customer is required");
    }

    private async Task AssertDegradedAsync(string name, string reason, string detail)
    {
        await WaitForReadyAsync(name, reason);

        var (ready, health) = await CheckAsync(name);

        Assert.Equal("False", ready.Status);
        Assert.Equal(new ArgoCdHealth("Degraded", $"{reason}: {ready.Message}"), health);
        Assert.Contains(detail, health.Message, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The object as the API server serves it, its Ready condition, and the health check's verdict on exactly that document.</summary>
    private async Task<(ReadyCondition Ready, ArgoCdHealth Health)> CheckAsync(string name)
    {
        using var client = Plane.CreateClient();
        using var response = await client.SendRawAsync(HttpMethod.Get, ResourceType.Of<ObjectBucket>().Path(Namespace, name));
        var json = await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(json);
        var ready = document.RootElement.GetProperty("status").GetProperty("conditions").EnumerateArray()
            .Single(c => c.GetProperty("type").GetString() == ObjectBucketNames.ReadyCondition);
        return (new ReadyCondition(ready.GetProperty("status").GetString()!, ready.GetProperty("message").GetString()!), await ArgoCdHealth.OfAsync(json));
    }

    private sealed record ReadyCondition(string Status, string Message);
}
