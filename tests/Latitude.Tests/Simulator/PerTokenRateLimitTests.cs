using BucketOperator.Latitude.Simulator;
using BucketOperator.Latitude.Simulator.State;

namespace BucketOperator.Latitude.Tests.Simulator;

/// <summary>Latitude counts its limits per API key: two tokens of one team do not share a budget.</summary>
public sealed class PerTokenRateLimitTests
{
    [Fact]
    public async Task TwoTokensOfOneTeam_HaveIndependentReadAndWriteBudgets()
    {
        await using var sim = await LatitudeSimulator.StartAsync(new SimulatorOptions { ReadsPerMinute = 1, WritesPerMinute = 1 });

        var firstRead = await StatusAsync(sim, HttpMethod.Get, SimulatorSeed.Token);
        var firstOverRead = await StatusAsync(sim, HttpMethod.Get, SimulatorSeed.Token);
        var firstWrite = await StatusAsync(sim, HttpMethod.Post, SimulatorSeed.Token, "by-first");
        var firstOverWrite = await StatusAsync(sim, HttpMethod.Post, SimulatorSeed.Token, "by-first-again");
        var secondRead = await StatusAsync(sim, HttpMethod.Get, SimulatorSeed.SecondToken);
        var secondWrite = await StatusAsync(sim, HttpMethod.Post, SimulatorSeed.SecondToken, "by-second");

        Assert.Equal((200, 429, 201, 429), (firstRead, firstOverRead, firstWrite, firstOverWrite));
        Assert.Equal((200, 201), (secondRead, secondWrite));
        Assert.Equal(["by-first", "by-second"], sim.State.BucketsOf([SimulatorSeed.Project]).Select(b => b.Name).Order());
    }

    private static async Task<int> StatusAsync(LatitudeSimulator sim, HttpMethod method, string token, string? bucket = null) =>
        (await Raw.SendAsync(sim, method, "/storage/buckets", token, bucket is null ? null : Raw.Bucket(bucket))).Status;
}
