using System.Text.Json.Nodes;
using BucketOperator.Latitude.Simulator;
using BucketOperator.Latitude.Simulator.State;

namespace BucketOperator.Latitude.Tests.Simulator;

/// <summary>A create that fails the same way every time, until the test says it stops.</summary>
public sealed class AlwaysRespondTests : IAsyncLifetime
{
    private LatitudeSimulator _sim = null!;

    public async Task InitializeAsync() => _sim = await LatitudeSimulator.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task Create_AlwaysAnswered503_InTheDocumentedErrorShape_UntilStopped()
    {
        _sim.Faults.AlwaysRespond("POST", "/storage/buckets", 503);

        var refused = new List<(int Status, string Body)>();
        for (var i = 0; i < 3; i++)
        {
            refused.Add(await CreateAsync());
        }

        var bucketsWhileRefused = _sim.State.Buckets.Count;
        _sim.Faults.StopAlwaysRespond("POST", "/storage/buckets");
        var (statusAfterStop, _) = await CreateAsync();

        Assert.All(refused, r => Assert.Equal(503, r.Status));
        var error = JsonNode.Parse(refused[0].Body)!["errors"]![0]!;
        Assert.Equal(["code", "detail", "meta", "status", "title"], error.AsObject().Select(p => p.Key).Order());
        Assert.Equal(("SERVICE_UNAVAILABLE", "503"), (error["code"]!.GetValue<string>(), error["status"]!.GetValue<string>()));
        Assert.Equal(0, bucketsWhileRefused);
        Assert.Equal(201, statusAfterStop);
    }

    [Fact]
    public async Task Create_AlwaysAnsweredWithAGivenBody_SendsItVerbatim_UntilCleared()
    {
        const string Body = """{"errors":[{"code":"UPSTREAM","title":"Upstream","detail":"down","meta":{},"status":"503"}]}""";
        _sim.Faults.AlwaysRespond("POST", "/storage/buckets", 503, Body);

        var first = await CreateAsync();
        var second = await CreateAsync();
        _sim.Faults.Clear();
        var (statusAfterClear, _) = await CreateAsync();

        Assert.Equal((503, Body), first);
        Assert.Equal((503, Body), second);
        Assert.Equal(201, statusAfterClear);
    }

    [Fact]
    public async Task AlwaysRespond_OnCreate_LeavesReadsAlone()
    {
        _sim.Faults.AlwaysRespond("POST", "/storage/buckets", 503);

        var (status, _) = await Raw.SendAsync(_sim, HttpMethod.Get, "/storage/buckets", SimulatorSeed.Token);

        Assert.Equal(200, status);
    }

    private Task<(int Status, string Body)> CreateAsync() =>
        Raw.SendAsync(_sim, HttpMethod.Post, "/storage/buckets", SimulatorSeed.Token, Raw.Bucket("always-refused"));
}
