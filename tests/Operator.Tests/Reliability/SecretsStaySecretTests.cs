using System.Text;
using BucketOperator.Entities;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Latitude.Simulator;
using BucketOperator.Latitude.Simulator.State;
using BucketOperator.TestSupport;
using Xunit.Abstractions;

namespace BucketOperator.Operator.Tests.Reliability;

/// <summary>
/// Issue 9 item 8, beyond the audit every reliability test ends with: the paths where secrets pass through the
/// operator (keys in the create answer of the seed API, restored and replaced keys, a team's own token, deletion)
/// and a provider that echoes the caller's token in its error texts. Afterwards no token or secret key is in any
/// log line, Event, ObjectBucket or metric.
/// </summary>
public sealed class SecretsStaySecretTests : ProviderFaultTest
{
    /// <summary>Long enough to see a terminal state before it is retried.</summary>
    public SecretsStaySecretTests(ControlPlaneFixture fixture, ITestOutputHelper output)
        : base(fixture, output) => TerminalRetry = TimeSpan.FromSeconds(10);

    /// <summary>The seed API shape: secret keys arrive in the bucket's create answer too.</summary>
    protected override ResponseShape Shape => ResponseShape.Seed;

    [Fact]
    public async Task CredentialLifecycle_CreateRestoreReplaceTeamTokenDelete_NoSecretAnywhere()
    {
        await Admin.CreateAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "team-token", NamespaceProperty = Namespace }, Data = new Dictionary<string, byte[]> { ["token"] = Encoding.UTF8.GetBytes($"\n {SimulatorSeed.OtherTeamToken}\t\n") } });
        await Admin.CreateAsync(Bucket("ours", spec: s => s with { DeletionPolicy = DeletionPolicies.Delete }));
        await Admin.CreateAsync(Bucket("theirs", spec: s => s with { Project = "proj_other", DeletionPolicy = DeletionPolicies.Delete, CredentialsSecretRef = new SecretKeyReference { Name = "team-token", Key = "token" } }));
        await WaitForAllAvailableAsync(["ours", "theirs"], TimeSpan.FromSeconds(60));

        var before = (await SecretValuesAsync("ours"))["AWS_ACCESS_KEY_ID"];
        var unknownKey = "AKIA" + new string('0', 16);

        // Lost: a new key replaces it. Broken by hand: a new key replaces it. Versioning goes through S3 with the keys.
        await Admin.DeleteAsync<V1Secret>("ours", Namespace);
        await Admin.PatchAsync<V1Secret>("theirs", Namespace, Patch.Merge($"{{\"data\":{{\"AWS_ACCESS_KEY_ID\":\"{Convert.ToBase64String(Encoding.UTF8.GetBytes(unknownKey))}\"}}}}"));
        await PatchSpecAsync("ours", """{"versioning":true}""");
        await Eventually.TrueAsync(
            async () => await Admin.GetAsync<V1Secret>("ours", Namespace) is not null && (await SecretValuesAsync("ours"))["AWS_ACCESS_KEY_ID"] != before && (await SecretValuesAsync("theirs"))["AWS_ACCESS_KEY_ID"] != unknownKey,
            "both Secrets hold new keys",
            TimeSpan.FromSeconds(60));
        await WaitForAllAvailableAsync(["ours", "theirs"], TimeSpan.FromSeconds(60));

        await Admin.DeleteAsync<ObjectBucket>("ours", Namespace);
        await Admin.DeleteAsync<ObjectBucket>("theirs", Namespace);
        await Eventually.TrueAsync(async () => (await Admin.ListAsync<ObjectBucket>(Namespace)).Items.Count == 0, "both ObjectBuckets are gone", TimeSpan.FromSeconds(60));

        Assert.Empty(Simulator.State.Buckets);
        Print($"{Simulator.State.IssuedSecrets.Count} secret keys were issued; {Simulator.State.AccessKeys.Count} remain");
        await AssertSecretsStaySecretAsync();
    }

    [Fact]
    public async Task ProviderEchoesTheToken_InErrorTexts_ItReachesNoConditionEventOrLog()
    {
        var echo = $"Authorization header '{SimulatorSeed.Token}' was not accepted";
        Simulator.Faults.RespondNext("POST", "/storage/buckets", 500, $"{{\"errors\":[{{\"code\":\"INTERNAL_SERVER_ERROR\",\"title\":\"{SimulatorSeed.Token}\",\"detail\":\"{echo}\"}}]}}");
        Simulator.Faults.RespondNext("POST", "/storage/buckets", 401, $"{{\"errors\":[{{\"code\":\"UNAUTHORIZED\",\"message\":\"{echo}\"}}]}}");
        Simulator.Faults.RespondNext("GET", "/storage/buckets", 429, $"{{\"errors\":[{{\"code\":\"RATE_LIMIT_EXCEEDED\",\"detail\":\"{echo}\",\"meta\":{{\"retry_after\":1}}}}]}}");

        await Admin.CreateAsync(Bucket("echoed"));

        // The Unauthorized condition lasts only until the next pass succeeds; its Warning Event, with the same message, stays.
        await Eventually.TrueAsync(async () => (await EventsAsync("echoed")).Any(e => e.Reason == ReadyReasons.Unauthorized), "a Warning Event Unauthorized", TimeSpan.FromSeconds(60));
        var refused = (await EventsAsync("echoed")).First(e => e.Reason == ReadyReasons.Unauthorized);
        Assert.Contains("'[redacted]' was not accepted", refused.Message, StringComparison.Ordinal);
        await WaitForReadyAsync("echoed", ReadyReasons.Available);
        await AssertSecretsStaySecretAsync();
    }
}
