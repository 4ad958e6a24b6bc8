using System.Text.Json;
using BucketOperator.ControlPlane;
using BucketOperator.Entities;
using BucketOperator.Entities.Serialization;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Serialization;
using BucketOperator.Latitude.Simulator;
using BucketOperator.Latitude.Simulator.State;
using BucketOperator.Operator.Hosting;
using BucketOperator.Operator.Tests.Support;
using BucketOperator.TestSupport;

namespace BucketOperator.Operator.Tests.EndToEnd;

public class ProvisioningTests(ControlPlaneFixture fixture) : OperatorTest(fixture)
{
    private static readonly string[] SecretKeys =
    [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3", "AWS_REGION", "AWS_DEFAULT_REGION",
        "BUCKET_NAME", "BUCKET_HOST", "BUCKET_PORT", "BUCKET_REGION", "LATITUDE_BUCKET_ID", "LATITUDE_REGION",
    ];

    public static TheoryData<string> Samples => new(Directory.GetFiles(YamlManifests.RepositoryPath("config", "samples"), "objectbucket*.yaml").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Sample_Applied_BecomesAvailableWithASecretAnAwsSdkCanUse(string file)
    {
        var documents = YamlManifests.Load(YamlManifests.RepositoryPath("config", "samples", file!));
        var sample = documents.Single(d => d["kind"]?.GetValue<string>() == ResourceType.Of<ObjectBucket>().Kind).Deserialize(EntitiesJsonContext.Default.ObjectBucket)!;
        foreach (var secret in documents.Where(d => d["kind"]?.GetValue<string>() == "Secret").Select(d => d.Deserialize(BucketOperatorRuntime.Json.TypeInfo<V1Secret>())!))
        {
            await Admin.CreateAsync(WithSimulatorToken(secret, sample.Spec.CredentialsSecretRef));
        }

        sample.Metadata.NamespaceProperty = Namespace;
        await Admin.CreateAsync(sample);

        var bucket = await WaitForReadyAsync(sample.Metadata.Name!, ReadyReasons.Available);

        var secretName = sample.Spec.SecretName ?? sample.Metadata.Name!;
        var values = await SecretValuesAsync(secretName);
        Assert.Equal(SecretKeys.Order(), values.Keys.Order());
        Assert.Equal(bucket.Status!.BucketId, values["LATITUDE_BUCKET_ID"]);
        Assert.Equal(bucket.Status.AccessKeyId, values["AWS_ACCESS_KEY_ID"]);
        Assert.Equal("written by the e2e test", await S3FromSecret.PutAndGetAsync(values, "written by the e2e test"));
        var created = Assert.Single(Simulator.State.Buckets);
        var spec = sample.Spec;
        var objectLock = spec.ObjectLock is { Enabled: true } enabled ? enabled : null;
        Assert.Equal(
            (spec.BucketName ?? sample.Metadata.Name, spec.Region, spec.StorageClass, spec.Versioning || objectLock is not null, objectLock is not null, objectLock?.Mode ?? "NONE", (long?)objectLock?.RetentionDays, spec.Scoped, spec.Customer),
            (created.BucketName, created.Region, created.StorageClass, created.Versioning, created.Locking, created.RetentionMode, created.RetentionPeriod, created.Scoped, created.Customer));
        Assert.Contains(await EventsAsync(sample.Metadata.Name!), e => e.Reason == EventReasons.Created);
        Assert.Equal(spec.LifecycleRules?.Select(r => r.Name) ?? [], Simulator.State.LifecycleRules.Of(created.Id).Select(r => r.Name));
    }

    [Fact]
    public async Task Available_UnchangedThroughResyncs_CausesNoWrites()
    {
        await Admin.CreateAsync(Bucket("steady"));
        var ready = await WaitForReadyAsync("steady", ReadyReasons.Available);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var before = await KubernetesStateAsync();
        var writesBefore = Simulator.Requests.Entries.Count(e => e.Method != "GET");
        var callsBefore = LatitudeCalls();

        // A restart (a full reconcile from a fresh list), then resyncs often enough to go through several.
        ResyncPeriod = TimeSpan.FromSeconds(2);
        await StopOperatorAsync();
        await StartOperatorAsync();
        // Each resync's first reconcile lists the project's buckets, and the list is reused for 0.8 periods, so
        // three lists after the restart are at least two resyncs that reconciled the object (the drift check).
        await Eventually.TrueAsync(
            () => Task.FromResult(Simulator.Requests.Entries.Skip(callsBefore).Count(e => e.Method == "GET" && e.Path == "/storage/buckets") >= 3),
            "three drift checks of the bucket after the restart");
        // The reconcile that made the last list may still be running; one logged from now on ended after it.
        var reconciled = Reconciles("steady");
        await Eventually.TrueAsync(() => Task.FromResult(Reconciles("steady") > reconciled), "a reconcile of steady ends after the last drift check");

        Assert.Equal(before, await KubernetesStateAsync());
        Assert.Equal(writesBefore, Simulator.Requests.Entries.Count(e => e.Method != "GET"));
        Assert.Equal(ready.Status!.BucketId, Simulator.State.Buckets.Single().Id);
    }

    private int Reconciles(string name) => ReconcileCounts.PerObject(Logs.Messages, Namespace).GetValueOrDefault(name);

    /// <summary>A sample's token Secret holds a placeholder; the simulator knows its own token only.</summary>
    private V1Secret WithSimulatorToken(V1Secret secret, SecretKeyReference? reference)
    {
        secret.Metadata.NamespaceProperty = Namespace;
        if (reference is not null && reference.Name == secret.Metadata.Name)
        {
            secret.Data?.Remove(reference.Key);
            secret.StringData = new Dictionary<string, string>(secret.StringData ?? new Dictionary<string, string>()) { [reference.Key] = SimulatorSeed.Token };
        }

        return secret;
    }
}

public sealed class SeedShapeProvisioningTests(ControlPlaneFixture fixture) : ProvisioningTests(fixture)
{
    protected override ResponseShape Shape => ResponseShape.Seed;
}
