using System.Diagnostics;
using System.Globalization;
using BucketOperator.Operator.Tests.Support;
using BucketOperator.TestSupport;
using Xunit.Abstractions;

namespace BucketOperator.Operator.Tests.Reliability;

/// <summary>
/// docs/reliability.md "Crash anywhere": the operator process is SIGKILLed at random points of batches of
/// creates. After every restart: no duplicate bucket, no lost credentials, no false conflict; at the end no
/// orphaned access key. A run is 10 rounds of 20 creates; CI runs one, <c>RELIABILITY_FULL=1</c> runs ten (100
/// rounds). Each run's seed is printed; <c>RELIABILITY_SEED</c> moves the seeds to explore other kill points.
/// </summary>
public sealed class CrashAnywhereTests(ControlPlaneFixture fixture, ITestOutputHelper output) : ProcessOperatorTest(fixture)
{
    private const int Rounds = 10;
    private const int BatchSize = 20;

    /// <summary>A create is two writes at Latitude: the bucket and its key.</summary>
    private const int WritesPerCreate = 2;

    public static TheoryData<int> Runs()
    {
        var runs = Environment.GetEnvironmentVariable("RELIABILITY_FULL") == "1" ? 10 : 1;
        return [.. Enumerable.Range(0, runs)];
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task KilledAtRandomPoints_NoDuplicateNoLostCredentialsNoFalseConflictNoOrphanedKey(int run)
    {
        var seed = BaseSeed() + run;
        output.WriteLine($"run {run}: seed {seed} (RELIABILITY_SEED={seed} replays this plan as the default run)");
        var random = new Random(seed);
        var world = new BucketWorld(Admin, Simulator, Namespace);
        var process = await StartProcessAsync(leaderElect: false);
        await WaitUntilReadyAsync(process);
        var everyObject = new List<string>();
        var recoveries = new List<TimeSpan>();
        var kills = 0;
        var started = Stopwatch.GetTimestamp();

        for (var round = 0; round < Rounds; round++)
        {
            var batch = Enumerable.Range(0, BatchSize).Select(i => $"r{round:00}-{i:00}").ToList();
            everyObject.AddRange(batch);
            var point = KillPoint.Draw(random, round, BatchSize * WritesPerCreate);
            var writesBefore = Simulator.Requests.Count("POST", "/storage/*");

            var applied = Stopwatch.GetTimestamp();
            var applying = Task.WhenAll(batch.Select(name => Admin.CreateAsync(Bucket(name))));
            if (point.AfterWrite is { } write)
            {
                await Simulator.Requests.WaitForAsync("POST", "/storage/*", writesBefore + write, TimeSpan.FromMinutes(1));
            }
            else
            {
                await Task.Delay(point.AfterApply - Stopwatch.GetElapsedTime(applied) is { Ticks: > 0 } rest ? rest : TimeSpan.Zero);
            }

            await KillAsync(process);
            await applying;
            process = await StartProcessAsync(leaderElect: false);
            if (point.AgainAfterRestart is { } again)
            {
                await Task.Delay(again);
                await KillAsync(process);
                process = await StartProcessAsync(leaderElect: false);
            }

            kills += point.Kills;
            var restarted = process;
            var recovered = await world.WaitForAsync(batch, TimeSpan.FromMinutes(2), diagnostics: () => $"seed {seed}, round {round}, killed {point}\n{string.Join('\n', restarted.Output.TakeLast(30))}");
            recoveries.Add(recovered);
            await world.AssertOneBucketEachAsync(everyObject);
            await world.AssertCredentialsWorkAsync(batch);
            await world.AssertNoFalseConflictsAsync();
            output.WriteLine($"round {round}: killed {point}; restart → batch Available {recovered.TotalSeconds:0.0} s");
        }

        await world.AssertNoOrphanedKeysAsync();
        var sorted = recoveries.Order().ToList();
        output.WriteLine(
            $"{Rounds} rounds × {BatchSize} creates, {kills} SIGKILLs, {kills + 1} processes; Latitude calls {LatitudeCalls()} "
            + $"({Simulator.Requests.Count("POST", "/storage/buckets")} bucket POSTs, {Simulator.Requests.Count("POST", "/storage/access_keys")} key POSTs for {everyObject.Count} objects); "
            + $"restart → batch Available min {sorted[0].TotalSeconds:0.0} s, median {sorted[sorted.Count / 2].TotalSeconds:0.0} s, max {sorted[^1].TotalSeconds:0.0} s; "
            + $"run {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s");
    }

    private static int BaseSeed() =>
        int.TryParse(Environment.GetEnvironmentVariable("RELIABILITY_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : 20260201;

    private static async Task KillAsync(OperatorProcess process)
    {
        await process.KillAsync();
        await process.WaitForExitAsync(TimeSpan.FromSeconds(10));
    }
}
