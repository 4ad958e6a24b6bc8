using System.Diagnostics;
using BucketOperator.Entities;
using BucketOperator.Kubernetes.Helpers;
using BucketOperator.Operator.Tests.Support;
using BucketOperator.TestSupport;
using Xunit.Abstractions;

namespace BucketOperator.Operator.Tests.Reliability;

/// <summary>
/// What the provider-fault and hostile-input tests share: a secret audit started before the operator (issue 9 item
/// 8, run at the end of every test), numbers printed to the test output, and end-state checks over many objects.
/// </summary>
public abstract class ProviderFaultTest(ControlPlaneFixture fixture, ITestOutputHelper output) : OperatorTest(fixture), IDisposable
{
    private readonly SecretLeakAudit _audit = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    protected ITestOutputHelper Output { get; } = output;

    /// <summary>Since the test class was created (just before the operator started).</summary>
    protected TimeSpan Elapsed => _clock.Elapsed;

    public void Dispose()
    {
        _audit.Dispose();
        GC.SuppressFinalize(this);
    }

    protected void Print(string line) => Output.WriteLine(line);

    /// <summary>Issue 9 item 8: no token, issued secret key or <paramref name="more"/> secret in any log line, Event, ObjectBucket or metric.</summary>
    protected async Task AssertSecretsStaySecretAsync(params IEnumerable<string> more) =>
        Print(await _audit.AssertNoLeaksAsync(Admin, Namespace, Logs.Messages, [.. Secrets(), .. more]));

    /// <summary>Polls the ObjectBuckets until each named one has Ready=True for its generation; returns when each first did.</summary>
    protected async Task<IReadOnlyDictionary<string, TimeSpan>> WaitForAllAvailableAsync(IReadOnlyCollection<string> names, TimeSpan timeout)
    {
        var started = Elapsed;
        var available = new Dictionary<string, TimeSpan>();
        var last = new Dictionary<string, string>();
        while (Elapsed - started < timeout)
        {
            foreach (var bucket in (await Admin.ListAsync<ObjectBucket>(Namespace)).Items.Where(b => names.Contains(b.Metadata.Name!)))
            {
                var ready = Conditions.Find(bucket.Status?.Conditions, ObjectBucketNames.ReadyCondition);
                last[bucket.Metadata.Name!] = $"{ready?.Status}/{ready?.Reason}: {ready?.Message}";
                if (ready is { Status: "True" } && ready.ObservedGeneration == bucket.Metadata.Generation)
                {
                    available.TryAdd(bucket.Metadata.Name!, Elapsed - started);
                }
            }

            if (available.Count == names.Count)
            {
                return available;
            }

            await Task.Delay(500);
        }

        var waiting = names.Where(n => !available.ContainsKey(n)).Take(10).Select(n => $"{n}: {last.GetValueOrDefault(n, "no status")}");
        throw new TimeoutException($"{names.Count - available.Count} of {names.Count} never became Available within {timeout}:\n{string.Join('\n', waiting)}");
    }

    /// <summary>
    /// The end state the safety rules promise, per object: Ready=True, exactly one bucket of its name in the
    /// simulator (the one in its status), exactly one live access key issued for it (the one in its Secret), and
    /// the Secret works over S3. Also: no bucket in the simulator that none of them owns.
    /// </summary>
    protected async Task AssertOneBucketAndOneKeyEachAsync(IReadOnlyCollection<string> names)
    {
        var buckets = Simulator.State.Buckets;
        var keys = Simulator.State.AccessKeys;
        foreach (var name in names)
        {
            var bucket = await WaitForReadyAsync(name, ReadyReasons.Available, TimeSpan.FromSeconds(5));
            var bucketName = bucket.Spec.BucketName ?? name;
            var mine = Assert.Single(buckets, b => b.BucketName == bucketName);
            Assert.Equal(mine.Id, bucket.Status!.BucketId);
            var secret = await SecretValuesAsync(bucket.Spec.SecretName ?? name);
            // Keys issued for an object are named lob-<uid>-<random suffix> (docs/design/create.md).
            var live = keys.Where(k => k.Name.StartsWith($"lob-{bucket.Metadata.Uid}-", StringComparison.Ordinal)).ToList();
            Assert.True(live.Count == 1, $"{name}: {live.Count} live keys issued for it");
            // Compared directly: the S3 server behind the simulator does not check SigV4 signatures, only key IDs.
            Assert.Equal((live[0].AccessKeyId, live[0].Secret), (secret["AWS_ACCESS_KEY_ID"], secret["AWS_SECRET_ACCESS_KEY"]));
            Assert.Equal(name, await S3FromSecret.PutAndGetAsync(secret, name));
        }

        Assert.Equal(names.Count, buckets.Count);
    }
}
