using System.Text;
using BucketOperator.Entities;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Helpers;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Latitude.Simulator.State;
using BucketOperator.Operator.Tests.Support;
using BucketOperator.TestSupport;

namespace BucketOperator.Operator.Tests.EndToEnd;

/// <summary>SPEC "Credentials lifecycle" and "A team token outlives its buckets": keys are replaced before they are revoked, revoked keys are noticed, tokens outlive their buckets.</summary>
public sealed class CredentialsLifecycleTests : OperatorTest
{
    private static readonly TimeSpan Resync = TimeSpan.FromSeconds(3);

    public CredentialsLifecycleTests(ControlPlaneFixture fixture)
        : base(fixture) => ResyncPeriod = Resync;

    [Fact]
    public async Task KeyRevokedOutOfBand_ReplacedWithinAFewResyncs_TheSecretWorksOverS3()
    {
        await Admin.CreateAsync(Bucket("revoked"));
        var ready = await WaitForReadyAsync("revoked", ReadyReasons.Available);
        var revoked = ready.Status!.AccessKeyId!;

        Assert.True(await Simulator.State.RevokeAccessKeyAsync(revoked));

        await Eventually.TrueAsync(async () => (await SecretValuesAsync("revoked"))["AWS_ACCESS_KEY_ID"] != revoked, "a new key in the Secret", Resync * 5);
        await WaitForReadyAsync("revoked", ReadyReasons.Available);
        Assert.Equal("revoked", await S3FromSecret.PutAndGetAsync(await SecretValuesAsync("revoked"), "revoked"));
        Assert.Contains(await EventsAsync("revoked"), e => e.Reason == EventReasons.CredentialsReissued);
        Assert.Single(Simulator.State.AccessKeys);
    }

    [Fact]
    public async Task SecretNameChanged_NewSecretFirst_ThenOldSecretAndKeyGone()
    {
        await Admin.CreateAsync(Bucket("renamed", spec: s => s with { SecretName = "renamed-v1" }));
        var first = await WaitForReadyAsync("renamed", ReadyReasons.Available);

        await PatchSpecAsync("renamed", "{\"secretName\":\"renamed-v2\"}");

        await Eventually.TrueAsync(async () => (await Admin.GetAsync<ObjectBucket>("renamed", Namespace))?.Status?.SecretName == "renamed-v2", "status.secretName updated");
        await WaitForReadyAsync("renamed", ReadyReasons.Available);
        await Eventually.TrueAsync(async () => await Admin.GetAsync<V1Secret>("renamed-v1", Namespace) is null, "the old Secret deleted");
        Assert.Equal("renamed", await S3FromSecret.PutAndGetAsync(await SecretValuesAsync("renamed-v2"), "renamed"));
        Assert.DoesNotContain(Simulator.State.AccessKeys, k => k.AccessKeyId == first.Status!.AccessKeyId);
        Assert.Single(Simulator.State.AccessKeys);

        // Replace, then revoke: the new key was issued before the old one was deleted.
        var keyCalls = Simulator.Requests.Entries.Where(e => e.Path.StartsWith("/storage/access_keys", StringComparison.Ordinal) && e.Method != "GET").ToList();
        Assert.Equal(["POST", "POST", "DELETE"], keyCalls.Select(e => e.Method));
    }

    [Fact]
    public async Task NamespaceDeleted_WithATeamTokenAndDelete_BucketsGoFirstThenTheNamespace()
    {
        var token = await Admin.CreateAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "team-token", NamespaceProperty = Namespace },
            Data = new Dictionary<string, byte[]> { ["token"] = Encoding.UTF8.GetBytes(SimulatorSeed.SecondToken) },
        });
        await Admin.CreateAsync(Bucket("team-owned", spec: s => s with
        {
            DeletionPolicy = DeletionPolicies.Delete,
            CredentialsSecretRef = new SecretKeyReference { Name = token.Metadata.Name!, Key = "token" },
        }));
        await WaitForReadyAsync("team-owned", ReadyReasons.Available);
        Assert.True(Finalizers.Contains((await Admin.GetAsync<V1Secret>("team-token", Namespace))!, ObjectBucketNames.TokenInUseFinalizer));

        await Admin.DeleteAsync<V1Namespace>(Namespace);

        await Eventually.TrueAsync(async () => await Admin.GetAsync<V1Namespace>(Namespace) is null, "the namespace gone", TimeSpan.FromSeconds(90));
        Assert.Empty(Simulator.State.Buckets);
        Assert.Empty(Simulator.State.AccessKeys);
    }

    [Fact]
    public async Task TwoDeleteBucketsShareATeamToken_NamespaceDeleted_BothBucketsGoAndTheNamespaceCompletes()
    {
        await Admin.CreateAsync(TeamToken("shared-token"));
        foreach (var name in new[] { "shared-a", "shared-b" })
        {
            await Admin.CreateAsync(Bucket(name, spec: s => s with { DeletionPolicy = DeletionPolicies.Delete, CredentialsSecretRef = new SecretKeyReference { Name = "shared-token", Key = "token" } }));
        }

        await WaitForReadyAsync("shared-a", ReadyReasons.Available);
        await WaitForReadyAsync("shared-b", ReadyReasons.Available);

        await Admin.DeleteAsync<V1Namespace>(Namespace);

        await Eventually.TrueAsync(async () => await Admin.GetAsync<V1Namespace>(Namespace) is null, "the namespace gone", TimeSpan.FromSeconds(90));
        Assert.Empty(Simulator.State.Buckets);
    }

    [Fact]
    public async Task CredentialsSecretRefMovedToAnotherSecret_TheOldOneLosesLabelAndFinalizer()
    {
        await Admin.CreateAsync(TeamToken("old-token"));
        await Admin.CreateAsync(TeamToken("new-token"));
        await Admin.CreateAsync(Bucket("moving", spec: s => s with { DeletionPolicy = DeletionPolicies.Delete, CredentialsSecretRef = new SecretKeyReference { Name = "old-token", Key = "token" } }));
        await WaitForReadyAsync("moving", ReadyReasons.Available);
        Assert.True(Finalizers.Contains((await Admin.GetAsync<V1Secret>("old-token", Namespace))!, ObjectBucketNames.TokenInUseFinalizer));

        var bucket = (await Admin.GetAsync<ObjectBucket>("moving", Namespace))!;
        await Admin.ReplaceAsync(bucket with { Spec = bucket.Spec with { CredentialsSecretRef = new SecretKeyReference { Name = "new-token", Key = "token" } } });

        await Eventually.TrueAsync(
            async () => Finalizers.Contains((await Admin.GetAsync<V1Secret>("new-token", Namespace))!, ObjectBucketNames.TokenInUseFinalizer),
            "the new token Secret holds the finalizer");
        await Eventually.TrueAsync(
            async () => (await Admin.GetAsync<V1Secret>("old-token", Namespace))! is var old
                && !Finalizers.Contains(old, ObjectBucketNames.TokenInUseFinalizer) && old.Metadata.Labels?.ContainsKey(ObjectBucketNames.TokenSecretLabel) != true,
            "the old token Secret released");
    }

    private V1Secret TeamToken(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
        Data = new Dictionary<string, byte[]> { ["token"] = Encoding.UTF8.GetBytes(SimulatorSeed.SecondToken) },
    };
}
