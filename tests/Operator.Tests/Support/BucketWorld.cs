using System.Diagnostics;
using System.Text;
using BucketOperator.Entities;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Latitude.Simulator;

namespace BucketOperator.Operator.Tests.Support;

/// <summary>
/// The end state the reliability tests judge, whatever happened on the way: the namespace's ObjectBuckets and
/// Secrets against the buckets and access keys the simulator holds, and S3 used with nothing but a Secret.
/// </summary>
internal sealed class BucketWorld(KubernetesClient admin, LatitudeSimulator simulator, string @namespace)
{
    private static readonly string[] FalseConflicts = [ReadyReasons.BucketNameConflict, ReadyReasons.SecretConflict];

    public async Task<IReadOnlyDictionary<string, ObjectBucket>> ObjectsAsync() =>
        (await admin.ListAsync<ObjectBucket>(@namespace)).Items.ToDictionary(o => o.Metadata.Name!);

    /// <summary>
    /// Polls (one LIST a poll) until every named object is Ready=True/Available for its generation and no object
    /// in <paramref name="gone"/> exists any more; returns how long that took. The failure names what is still
    /// missing with its Ready reason and message, then <paramref name="diagnostics"/>.
    /// </summary>
    public async Task<TimeSpan> WaitForAsync(IReadOnlyCollection<string> available, TimeSpan timeout, IReadOnlyCollection<string>? gone = null, Func<string>? diagnostics = null)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var objects = await ObjectsAsync();
            var pending = available.Where(n => !(objects.TryGetValue(n, out var o) && IsAvailable(o))).ToList();
            var lingering = (gone ?? []).Where(objects.ContainsKey).ToList();
            if (pending.Count == 0 && lingering.Count == 0)
            {
                return waited.Elapsed;
            }

            if (waited.Elapsed > timeout)
            {
                var described = pending.Take(10).Select(n => objects.TryGetValue(n, out var o) ? $"{n}: {Describe(o)}" : $"{n}: absent");
                throw new TimeoutException(
                    $"after {timeout.TotalSeconds:0} s, {pending.Count} of {available.Count} objects are not Available and {lingering.Count} deleted ones remain ({string.Join(", ", lingering.Take(10))}):\n"
                    + $"{string.Join('\n', described)}\n{diagnostics?.Invoke()}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>
    /// The whole end state for objects that all converged: one bucket each and no other, every Secret working over
    /// S3, no orphaned access key, no false conflict.
    /// </summary>
    public async Task AssertSoundAsync(IReadOnlyCollection<string> names)
    {
        await AssertOneBucketEachAsync(names);
        await AssertCredentialsWorkAsync(names);
        await AssertNoOrphanedKeysAsync();
        await AssertNoFalseConflictsAsync();
    }

    /// <summary>
    /// Latitude holds exactly one bucket per named object, the one its status records, and no other bucket: no
    /// duplicate, no stray.
    /// </summary>
    public async Task AssertOneBucketEachAsync(IReadOnlyCollection<string> names)
    {
        var objects = await ObjectsAsync();
        var buckets = simulator.State.Buckets;
        var duplicated = buckets.GroupBy(b => b.BucketName).Where(g => g.Count() > 1).Select(g => $"{g.Key} ×{g.Count()}").ToList();
        Assert.True(duplicated.Count == 0, $"duplicate buckets: {string.Join(", ", duplicated)}");
        var strays = buckets.Select(b => b.BucketName).Except(names).ToList();
        Assert.True(strays.Count == 0, $"buckets no object owns: {string.Join(", ", strays)}");
        foreach (var name in names)
        {
            var bucket = Assert.Single(buckets, b => b.BucketName == name);
            Assert.Equal(bucket.Id, objects[name].Status?.BucketId);
        }
    }

    /// <summary>Each named object's Secret works over S3: an object put with only the Secret's values reads back.</summary>
    public async Task AssertCredentialsWorkAsync(IEnumerable<string> names)
    {
        using var parallel = new SemaphoreSlim(4);
        await Task.WhenAll(names.Select(async name =>
        {
            await parallel.WaitAsync();
            try
            {
                var secret = await admin.GetAsync<V1Secret>(name, @namespace) ?? throw new Xunit.Sdk.XunitException($"no Secret {name}: credentials lost");
                var values = secret.Data!.ToDictionary(p => p.Key, p => Encoding.UTF8.GetString(p.Value));
                Assert.Equal(name, await S3FromSecret.PutAndGetAsync(values, name));
            }
            finally
            {
                parallel.Release();
            }
        }));
    }

    /// <summary>
    /// Every live access key at Latitude is the one in the Secret of a live object, and every such Secret holds a
    /// live key: none orphaned, none lost. Secrets of deleted objects (the garbage collector's, later) do not count.
    /// </summary>
    public async Task AssertNoOrphanedKeysAsync()
    {
        var owners = (await ObjectsAsync()).Values.Select(o => o.Metadata.Uid).ToHashSet();
        var managed = new ListOptions { LabelSelector = $"{ObjectBucketNames.ManagedByLabel}={ObjectBucketNames.ManagedByValue}" };
        var inSecrets = (await admin.ListAsync<V1Secret>(@namespace, managed)).Items
            .Where(s => s.Metadata.OwnerReferences?.Any(r => owners.Contains(r.Uid)) == true)
            .Select(s => Encoding.UTF8.GetString(s.Data!["AWS_ACCESS_KEY_ID"]))
            .ToHashSet();
        var live = simulator.State.AccessKeys.Select(k => k.AccessKeyId).ToList();
        var orphaned = live.Except(inSecrets).ToList();
        var lost = inSecrets.Except(live).ToList();
        Assert.True(orphaned.Count == 0, $"{orphaned.Count} of {live.Count} access keys at Latitude are in no live object's Secret");
        Assert.True(lost.Count == 0, $"{lost.Count} Secrets hold an access key Latitude no longer has");
    }

    /// <summary>No object reports, and no Event ever said, BucketNameConflict or SecretConflict: every bucket and Secret here is the operator's own.</summary>
    public async Task AssertNoFalseConflictsAsync()
    {
        var conflicted = (await ObjectsAsync()).Values.Where(o => FalseConflicts.Contains(Ready(o)?.Reason)).Select(o => $"{o.Metadata.Name}: {Describe(o)}").ToList();
        Assert.True(conflicted.Count == 0, $"false conflicts: {string.Join("; ", conflicted)}");
        var events = (await admin.ListAsync<Corev1Event>(@namespace)).Items.Where(e => FalseConflicts.Contains(e.Reason)).Select(e => $"{e.InvolvedObject?.Name}: {e.Reason} {e.Message}").ToList();
        Assert.True(events.Count == 0, $"false conflict events: {string.Join("; ", events)}");
    }

    private static Condition? Ready(ObjectBucket bucket) => bucket.Status?.Conditions?.FirstOrDefault(c => c.Type == ObjectBucketNames.ReadyCondition);

    private static bool IsAvailable(ObjectBucket bucket) =>
        Ready(bucket) is { Status: "True", Reason: ReadyReasons.Available } ready && ready.ObservedGeneration == bucket.Metadata.Generation;

    private static string Describe(ObjectBucket bucket) => Ready(bucket) is { } ready ? $"{ready.Status}/{ready.Reason}: {ready.Message}" : "no Ready condition";
}
