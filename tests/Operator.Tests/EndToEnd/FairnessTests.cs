using System.Text;
using BucketOperator.Entities;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Latitude;
using BucketOperator.Latitude.Simulator;
using BucketOperator.Latitude.Simulator.State;
using BucketOperator.Operator.Tests.Support;
using BucketOperator.TestSupport;
using Xunit.Abstractions;

namespace BucketOperator.Operator.Tests.EndToEnd;

/// <summary>
/// SPEC "Quota is shared fairly", with Latitude's real limits (60 GET and 20 writes per minute per token) and the
/// product's retry pacing: a busy token does not hold workers others need, failures are retried slowly, and objects in
/// terminal states cost nothing at steady state.
/// </summary>
public sealed class FairnessTests : OperatorTest
{
    private const int RealReads = 60;
    private const int RealWrites = 20;
    private readonly ITestOutputHelper _output;

    public FairnessTests(ControlPlaneFixture fixture, ITestOutputHelper output)
        : base(fixture)
    {
        _output = output;
        ProviderRetry = TimeSpan.FromSeconds(5);
    }

    protected override SimulatorOptions SimulatorOptions => base.SimulatorOptions with { ReadsPerMinute = RealReads, WritesPerMinute = RealWrites };

    protected override LatitudeClientOptions LatitudeOptions => base.LatitudeOptions with { ReadsPerMinute = RealReads, WritesPerMinute = RealWrites };

    [Fact]
    public async Task SaturatedToken_DoesNotStallAnotherTokensObject()
    {
        // 20 creates need 40 writes (bucket and key): two minutes of the operator token's budget.
        for (var i = 0; i < 20; i++)
        {
            await Admin.CreateAsync(Bucket($"busy-{i}"));
        }

        await Eventually.TrueAsync(() => Task.FromResult(Simulator.Requests.Entries.Count(e => e.Method != "GET") >= RealWrites), "the operator token's write budget used up");
        var started = DateTime.UtcNow;
        await Admin.CreateAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "other-team-token", NamespaceProperty = Namespace },
            Data = new Dictionary<string, byte[]> { ["token"] = Encoding.UTF8.GetBytes(SimulatorSeed.SecondToken) },
        });
        await Admin.CreateAsync(Bucket("other-team", spec: s => s with { CredentialsSecretRef = new SecretKeyReference { Name = "other-team-token", Key = "token" } }));

        await WaitForReadyAsync("other-team", ReadyReasons.Available, TimeSpan.FromSeconds(30));
        var waited = DateTime.UtcNow - started;
        var pending = 0;
        for (var i = 0; i < 20; i++)
        {
            pending += ReadyOf(await Admin.GetAsync<ObjectBucket>($"busy-{i}", Namespace)) == ReadyReasons.Available ? 0 : 1;
        }

        _output.WriteLine($"other token's object Available {waited.TotalSeconds:0.0} s after it was applied, while {pending} of 20 objects still waited for the busy token");
        Assert.True(pending > 0, "the busy token's queue had drained: the test proved nothing");
    }

    [Fact]
    public async Task DeleteFailingEveryTime_IsRetriedSlowly()
    {
        await Admin.CreateAsync(Bucket("undeletable", spec: s => s with { DeletionPolicy = DeletionPolicies.Delete }));
        await WaitForReadyAsync("undeletable", ReadyReasons.Available);
        Simulator.Faults.AlwaysRespond("DELETE", "/storage/buckets/*", 503);

        await Admin.DeleteAsync<ObjectBucket>("undeletable", Namespace);
        await Eventually.TrueAsync(() => Task.FromResult(Simulator.Requests.Count("DELETE", "/storage/buckets/*") > 0), "the first delete");
        var first = DateTime.UtcNow;
        // After the second pass (up to 3 attempts, 1 s apart): later retries end as it did, so they write nothing.
        await Eventually.TrueAsync(() => Task.FromResult(Simulator.Requests.Count("DELETE", "/storage/buckets/*") > 3), "the second pass", TimeSpan.FromSeconds(20));
        await Task.Delay(TimeSpan.FromSeconds(3));
        var afterSecondPass = (await Admin.GetAsync<ObjectBucket>("undeletable", Namespace))!.Metadata.ResourceVersion;
        await Task.Delay(TimeSpan.FromSeconds(40) - (DateTime.UtcNow - first));

        var deletes = Simulator.Requests.Count("DELETE", "/storage/buckets/*");
        Assert.True(deletes > 6, $"{deletes} DELETEs: the third pass has not run");
        Assert.Equal(afterSecondPass, (await Admin.GetAsync<ObjectBucket>("undeletable", Namespace))!.Metadata.ResourceVersion);
        _output.WriteLine($"{deletes} bucket DELETEs in the first {(DateTime.UtcNow - first).TotalSeconds:0} s of an always-failing delete (passes at 5 s doubling, each up to 3 attempts in the client)");
        // Passes at 0, ≥5, ≥15 and ≥35 s, each at most 3 attempts: 12 at most. Unpaced, a pass every 5 s sent 21 or more.
        Assert.InRange(deletes, 3, 12);
        Assert.Single(Simulator.State.Buckets);
        var stuck = (await Admin.GetAsync<ObjectBucket>("undeletable", Namespace))!;
        Assert.Equal(ReadyReasons.ProviderError, stuck.Status!.Conditions!.Single(c => c.Type == ObjectBucketNames.ReadyCondition).Reason);
    }

    [Fact]
    public async Task CreateFailingEveryTime_IsRetriedSlowly()
    {
        Simulator.Faults.AlwaysRespond("POST", "/storage/buckets", 503);
        await Admin.CreateAsync(Bucket("always-503"));
        await Eventually.TrueAsync(() => Task.FromResult(Simulator.Requests.Count("POST", "/storage/buckets") > 0), "the first create");
        var first = DateTime.UtcNow;

        await Task.Delay(TimeSpan.FromSeconds(40));

        var posts = Simulator.Requests.Count("POST", "/storage/buckets");
        _output.WriteLine($"{posts} POSTs in the first {(DateTime.UtcNow - first).TotalSeconds:0} s of an always-failing create (5 s doubling with jitter)");
        // At 0, ≥5, ≥15 and ≥35 s: 4 at most; the 5 ms queue backoff sent dozens.
        Assert.InRange(posts, 2, 4);
        await WaitForReadyAsync("always-503", ReadyReasons.ProviderError);
    }

    private static string? ReadyOf(ObjectBucket? bucket) =>
        bucket?.Status?.Conditions?.FirstOrDefault(c => c.Type == ObjectBucketNames.ReadyCondition)?.Reason;
}
