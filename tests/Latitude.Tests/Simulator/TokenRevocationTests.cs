using BucketOperator.Latitude.Simulator;
using BucketOperator.Latitude.Simulator.State;

namespace BucketOperator.Latitude.Tests.Simulator;

/// <summary>Tokens revoked or issued while the simulator runs take effect on the next request.</summary>
public sealed class TokenRevocationTests : IAsyncLifetime
{
    private LatitudeSimulator _sim = null!;

    public async Task InitializeAsync() => _sim = await LatitudeSimulator.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task RevokedToken_GetsTheSame401AsAnUnknownOne_OtherTokensStillWork()
    {
        var before = await ListAsync(SimulatorSeed.SecondToken);

        var revoked = _sim.State.RevokeToken(SimulatorSeed.SecondToken);
        var after = await ListAsync(SimulatorSeed.SecondToken);
        var unknown = await ListAsync("never-issued");
        var other = await ListAsync(SimulatorSeed.Token);

        Assert.True(revoked);
        Assert.Equal(200, before.Status);
        Assert.Equal((401, unknown.Body), (after.Status, after.Body));
        Assert.Equal(200, other.Status);
        Assert.False(_sim.State.RevokeToken(SimulatorSeed.SecondToken));
    }

    [Fact]
    public async Task AddedToken_WorksFromTheNextRequest_AndARevokedOneCanBeRestored()
    {
        var fresh = new ApiToken("sim-rotated-token", "team_lV9Xe2AAK5CbMgGbpPYLskLRXyV", CanWrite: true);
        var restored = _sim.State.Seed.Tokens.Single(t => t.Value == SimulatorSeed.Token);
        var unknownBefore = await ListAsync(fresh.Value);
        _sim.State.RevokeToken(restored.Value);

        _sim.State.AddToken(fresh);
        _sim.State.AddToken(restored);

        Assert.Equal(401, unknownBefore.Status);
        Assert.Equal(200, (await ListAsync(fresh.Value)).Status);
        Assert.Equal(200, (await ListAsync(restored.Value)).Status);
    }

    [Fact]
    public void AddToken_OfAnUnknownTeam_Throws() =>
        Assert.Throws<ArgumentException>(() => _sim.State.AddToken(new ApiToken("orphan", "team_unknown", CanWrite: true)));

    [Fact]
    public async Task RevokeAndAdd_FromManyThreads_KeepTheTokensIntact()
    {
        var token = new ApiToken("sim-flapping-token", "team_lV9Xe2AAK5CbMgGbpPYLskLRXyV", CanWrite: false);

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() =>
        {
            if (i % 2 == 0)
            {
                _sim.State.AddToken(token);
            }
            else
            {
                _sim.State.RevokeToken(token.Value);
            }
        })));
        _sim.State.AddToken(token);

        Assert.Equal(200, (await ListAsync(token.Value)).Status);
    }

    private Task<(int Status, string Body)> ListAsync(string token) => Raw.SendAsync(_sim, HttpMethod.Get, "/storage/buckets", token);
}
