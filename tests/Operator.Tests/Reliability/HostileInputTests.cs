using System.Collections.Concurrent;
using BucketOperator.Entities;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Helpers;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Operator.Tests.Support;
using BucketOperator.TestSupport;
using Xunit.Abstractions;

namespace BucketOperator.Operator.Tests.Reliability;

/// <summary>
/// Issue 9 item 6: generated hostile ObjectBucket specs and token Secrets (<see cref="HostileSpecs"/>). No crash, no
/// hot loop, a clear condition for every stored object (the API server rejects some at admission), valid
/// neighbours converge meanwhile, and nothing of any token reaches a log, Event, status or metric.
/// </summary>
/// <remarks>
/// 200 cases by default (about a minute on a loaded CI machine, half of it watching for loops); <c>RELIABILITY_FULL=1</c>
/// runs 1,000. Terminal states come back every 15 s here (5 min in production), so "bounded" is checked against that.
/// </remarks>
public sealed class HostileInputTests : ProviderFaultTest
{
    private static readonly TimeSpan Terminal = TimeSpan.FromSeconds(15);

    public HostileInputTests(ControlPlaneFixture fixture, ITestOutputHelper output)
        : base(fixture, output) => TerminalRetry = Terminal;

    [Fact]
    public async Task GeneratedHostileSpecs_NoCrashNoHotLoop_EachGetsAClearCondition_NeighboursConverge()
    {
        var count = FaultSuiteSize.Pick(200, 1000);
        var seed = FaultSuiteSize.Seed(6);
        var cases = HostileSpecs.Generate(count, seed, Namespace);
        var objects = cases.SelectMany(c => c.Objects).ToList();
        Print($"hostile input: seed {seed}, {count} cases of {HostileSpecs.KindCount} kinds, {objects.Count} ObjectBuckets, {cases.Sum(c => c.Secrets.Count)} Secrets");

        var started = Elapsed;
        var rejected = await CreateAllAsync(cases);
        var created = Elapsed - started;
        var stored = objects.Where(o => !rejected.ContainsKey(o.Name)).ToList();
        Print($"created in {created.TotalSeconds:0.0} s; rejected at admission by the API server (CRD schema, object metadata): {rejected.Count}");
        foreach (var kind in cases.Where(c => c.Objects.Any(o => rejected.ContainsKey(o.Name))).CountBy(c => c.Kind))
        {
            Print($"  rejected {kind.Key}: {kind.Value}");
        }

        Assert.All(objects.Where(o => rejected.ContainsKey(o.Name)), o => Assert.True(o.Expected.Contains(HostileSpecs.Rejected), $"{o.Name} was rejected at admission: {rejected[o.Name]}"));
        var settled = await WaitForExpectedConditionsAsync(stored, TimeSpan.FromMinutes(FaultSuiteSize.Pick(4, 15)));
        var neighbours = stored.Where(o => o.Expected is [ReadyReasons.Available]).Select(o => o.Name).ToList();
        Print($"every stored object had an expected condition {settled.Values.Max().TotalSeconds:0.0} s after the creates began; "
            + $"{neighbours.Count} valid neighbours Available after {Median(neighbours.Select(n => settled[n])):0.0} s (median), {neighbours.Max(n => settled[n]).TotalSeconds:0.0} s (slowest)");

        // Still alive and still serving: an object created after all that converges.
        await Admin.CreateAsync(Bucket("canary"));
        await WaitForReadyAsync("canary", ReadyReasons.Available);

        // Two terminal-retry periods of watching: failed objects come back once a period, the others stay quiet.
        await Task.Delay(2 * Terminal);

        var final = (await Admin.ListAsync<ObjectBucket>(Namespace)).Items.ToDictionary(b => b.Metadata.Name!);
        var ready = stored.ToDictionary(o => o.Name, o => Conditions.Find(final[o.Name].Status?.Conditions, ObjectBucketNames.ReadyCondition)!);
        Print($"Ready reasons: {string.Join(", ", ready.Values.CountBy(c => c.Reason).OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value}"))}");
        foreach (var o in stored)
        {
            Assert.True(o.Expected.Contains(ready[o.Name].Reason), $"{o.Name}: {ready[o.Name].Reason}: {ready[o.Name].Message}");
            Assert.False(ready[o.Name].Message.Any(char.IsControl), $"{o.Name}: control characters in its condition message");
        }

        var elapsed = Elapsed - started;
        var reconciles = ReconcileCounts.PerObject(Logs.Messages, Namespace);
        var outcomes = ReconcileCounts.ByOutcome(Logs.Messages, Namespace);
        // A first pass, the writes it causes to come back (finalizer, Secret), a stale-cache conflict, then one per terminal retry.
        var bound = 4 + (int)Math.Ceiling(elapsed / Terminal);
        var busiest = reconciles.OrderByDescending(p => p.Value).First();
        Print($"reconciles: {reconciles.Values.Sum()} in {elapsed.TotalSeconds:0} s ({string.Join(", ", outcomes.Select(p => $"{p.Key} {p.Value}"))}); per object max {busiest.Value} ({busiest.Key}), bound {bound}");
        Print($"reconciles per object, by final reason: {string.Join(", ", stored.GroupBy(o => ready[o.Name].Reason).Select(g => $"{g.Key} ≤ {g.Max(o => reconciles.GetValueOrDefault(o.Name))}"))}");
        Print($"Latitude calls: {LatitudeCalls()}");
        Assert.All(stored, o => Assert.True(reconciles.GetValueOrDefault(o.Name) <= bound, $"{o.Name} was reconciled {reconciles.GetValueOrDefault(o.Name)} times"));
        Assert.False(outcomes.ContainsKey("error"), "reconciles ended in an exception:\n" + string.Join('\n', Logs.Messages.Where(l => l.StartsWith("Reconcile of", StringComparison.Ordinal)).Take(5)));

        foreach (var pair in cases.Where(c => c.SharedBucketName))
        {
            Assert.Single(pair.Objects, o => ready[o.Name].Reason == ReadyReasons.Available);
        }

        await AssertOneBucketAndOneKeyEachAsync([.. ready.Where(p => p.Value.Reason == ReadyReasons.Available).Select(p => p.Key), "canary"]);
        await AssertSecretsStaySecretAsync(cases.SelectMany(c => c.Tokens));
    }

    private static double Median(IEnumerable<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        return sorted[sorted.Count / 2].TotalSeconds;
    }

    /// <summary>Creates each case's Secrets, then its objects, a few cases at a time; returns the objects the API server refused, with why.</summary>
    private async Task<IReadOnlyDictionary<string, string>> CreateAllAsync(IReadOnlyList<HostileSpecs.Case> cases)
    {
        var rejected = new ConcurrentDictionary<string, string>();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (c, token) =>
        {
            foreach (var secret in c.Secrets)
            {
                await Admin.CreateAsync(secret, token);
            }

            foreach (var o in c.Objects)
            {
                try
                {
                    await Admin.CreateAsync(o.Bucket, token);
                }
                catch (KubernetesApiException e) when (e.IsInvalid || e.StatusCode == System.Net.HttpStatusCode.RequestEntityTooLarge)
                {
                    rejected[o.Name] = e.Message.Length > 300 ? e.Message[..300] : e.Message;
                }
            }
        });
        return rejected;
    }

    /// <summary>Polls until every object's Ready condition, for its generation, has one of its expected reasons; returns when each first did.</summary>
    private async Task<IReadOnlyDictionary<string, TimeSpan>> WaitForExpectedConditionsAsync(IReadOnlyList<HostileSpecs.Object> objects, TimeSpan timeout)
    {
        var started = Elapsed;
        var settled = new Dictionary<string, TimeSpan>();
        var last = new Dictionary<string, Condition?>();
        while (Elapsed - started < timeout && settled.Count < objects.Count)
        {
            var current = (await Admin.ListAsync<ObjectBucket>(Namespace)).Items.ToDictionary(b => b.Metadata.Name!);
            foreach (var o in objects.Where(o => !settled.ContainsKey(o.Name)))
            {
                var ready = last[o.Name] = Conditions.Find(current[o.Name].Status?.Conditions, ObjectBucketNames.ReadyCondition);
                if (ready is not null && ready.ObservedGeneration == current[o.Name].Metadata.Generation && o.Expected.Contains(ready.Reason))
                {
                    settled[o.Name] = Elapsed - started;
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        var unsettled = objects.Where(o => !settled.ContainsKey(o.Name)).Take(15)
            .Select(o => $"{o.Name} (expected {string.Join('/', o.Expected)}): {last[o.Name]?.Status}/{last[o.Name]?.Reason}: {last[o.Name]?.Message}");
        Assert.True(settled.Count == objects.Count, $"{objects.Count - settled.Count} objects had no expected condition after {timeout}:\n{string.Join('\n', unsettled)}");
        return settled;
    }
}
