using System.Text;
using BucketOperator.Entities;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Latitude.Simulator.State;
using BucketOperator.Operator.Tests.Support;
using BucketOperator.TestSupport;

namespace BucketOperator.Operator.Tests.EndToEnd;

/// <summary>
/// SPEC "Tokens change without restarts" and "No cross-namespace references", with the operator as a WATCH_NAMESPACES
/// install holding config/rbac/namespaced's Roles in its two namespaces and nothing cluster-wide: team token Secrets
/// are watched (through the label the operator puts on them), so a change reaches every ObjectBucket using the token at
/// once, well inside the 30 s recheck of failed tokens and the 10 min resync.
/// </summary>
public sealed class TeamTokenTests(ControlPlaneFixture fixture) : OperatorTest(fixture)
{
    /// <summary>Well under the 30 s token recheck and the resync: only the watch can explain a reaction this quick.</summary>
    private static readonly TimeSpan WatchBound = TimeSpan.FromSeconds(15);

    protected override bool WatchesSecondNamespace => true;

    protected override bool NamespacedRbac => true;

    [Fact]
    public async Task TeamTokenEdited_EveryObjectUsingItReactsAtOnce_ThenRecoversWhenFixed()
    {
        await Admin.CreateAsync(TokenSecret(SecondNamespace, SimulatorSeed.SecondToken));
        await Admin.CreateAsync(UsingTeamToken("first"));
        await Admin.CreateAsync(UsingTeamToken("second"));
        await WaitForReadyAsync("first", ReadyReasons.Available, inNamespace: SecondNamespace);
        await WaitForReadyAsync("second", ReadyReasons.Available, inNamespace: SecondNamespace);
        Assert.Equal(ObjectBucketNames.TokenSecretValue, (await TokenSecretAsync()).Metadata.Labels?[ObjectBucketNames.TokenSecretLabel]);

        await ReplaceTokenAsync("not a token");

        await WaitForReadyAsync("first", ReadyReasons.CredentialsMissing, WatchBound, SecondNamespace);
        await WaitForReadyAsync("second", ReadyReasons.CredentialsMissing, WatchBound, SecondNamespace);

        await ReplaceTokenAsync(SimulatorSeed.SecondToken);

        await WaitForReadyAsync("first", ReadyReasons.Available, WatchBound, SecondNamespace);
        await WaitForReadyAsync("second", ReadyReasons.Available, WatchBound, SecondNamespace);
    }

    [Fact]
    public async Task NamespacedRolesOnly_BothWatchedNamespacesServed_AnUnwatchedOneUntouched()
    {
        var unwatched = (await Admin.CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { GenerateName = "e2e-unwatched-" } })).Metadata.Name!;
        try
        {
            await Admin.CreateAsync(Bucket("elsewhere", inNamespace: unwatched));
            await Admin.CreateAsync(Bucket("team-a"));
            await Admin.CreateAsync(TokenSecret(SecondNamespace, SimulatorSeed.SecondToken));
            await Admin.CreateAsync(UsingTeamToken("team-b"));

            await WaitForReadyAsync("team-a", ReadyReasons.Available);
            await WaitForReadyAsync("team-b", ReadyReasons.Available, inNamespace: SecondNamespace);
            Assert.Equal("team-b", await S3FromSecret.PutAndGetAsync(await SecretValuesAsync("team-b", SecondNamespace), "team-b"));

            // Both objects were reconciled after "elsewhere" was created: it would have been, too, if it were watched.
            var ignored = await Admin.GetAsync<ObjectBucket>("elsewhere", unwatched);
            Assert.Null(ignored!.Status);
            Assert.Empty(ignored.Metadata.Finalizers ?? []);
            Assert.Equal(2, Simulator.State.Buckets.Count);
        }
        finally
        {
            await Admin.DeleteAsync<V1Namespace>(unwatched);
        }
    }

    private ObjectBucket UsingTeamToken(string name) =>
        Bucket(name, inNamespace: SecondNamespace, spec: s => s with { CredentialsSecretRef = new SecretKeyReference { Name = "team-token", Key = "token" } });

    private static V1Secret TokenSecret(string @namespace, string token) => new()
    {
        Metadata = new V1ObjectMeta { Name = "team-token", NamespaceProperty = @namespace },
        Data = new Dictionary<string, byte[]> { ["token"] = Encoding.UTF8.GetBytes(token) },
    };

    private async Task<V1Secret> TokenSecretAsync() => (await Admin.GetAsync<V1Secret>("team-token", SecondNamespace))!;

    private async Task ReplaceTokenAsync(string token)
    {
        var secret = await TokenSecretAsync();
        await Admin.ReplaceAsync(secret with { Data = new Dictionary<string, byte[]> { ["token"] = Encoding.UTF8.GetBytes(token) } });
    }
}
