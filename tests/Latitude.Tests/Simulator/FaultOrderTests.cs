using BucketOperator.Latitude.Simulator;
using BucketOperator.Latitude.Simulator.State;

namespace BucketOperator.Latitude.Tests.Simulator;

/// <summary>Injected failures happen where a real API's do: after the request was authenticated and counted.</summary>
public sealed class FaultOrderTests : IAsyncLifetime
{
    private LatitudeSimulator _sim = null!;

    public async Task InitializeAsync() => _sim = await LatitudeSimulator.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task Writes_AllFailingWithInjected500_StillUseTheBudget()
    {
        _sim.Faults.ServerErrorRate = 1;

        var statuses = new List<int>();
        for (var i = 0; i < 21; i++)
        {
            statuses.Add((await Raw.SendAsync(_sim, HttpMethod.Post, "/storage/buckets", SimulatorSeed.Token, Raw.Bucket("failing-" + i))).Status);
        }

        Assert.Equal([.. Enumerable.Repeat(500, 20), 429], statuses);
    }

    [Fact]
    public async Task Request_UnknownTokenWhileFaultsAreOn_IsUnauthorizedNotAFault()
    {
        _sim.Faults.ServerErrorRate = 1;

        var (status, _) = await Raw.SendAsync(_sim, HttpMethod.Get, "/storage/buckets", "wrong-token");

        Assert.Equal(401, status);
    }
}
